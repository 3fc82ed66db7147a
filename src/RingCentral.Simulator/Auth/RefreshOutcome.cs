namespace RingCentral.Simulator.Auth;

/// <summary>What refreshing gave: new tokens, or why not (an unknown or used refresh token, or an expired one: different OAuth errors).</summary>
internal enum RefreshOutcome
{
    Ok,
    Unknown,
    Expired,
}

namespace RingCentral.Simulator.Auth;

/// <summary>What an access token is worth: <see cref="Unknown"/> (never issued, or revoked) and <see cref="Expired"/> get different 401s.</summary>
internal enum AccessOutcome
{
    Ok,
    Unknown,
    Expired,
}

namespace RingCentral.Simulator.Auth;

/// <summary>What a JWT credential is worth: RingCentral answers an expired one (OAU-213) apart from one that is not valid (OAU-140).</summary>
internal enum JwtOutcome
{
    Valid,
    Invalid,
    Expired,
}

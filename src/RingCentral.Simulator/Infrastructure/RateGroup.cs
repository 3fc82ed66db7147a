namespace RingCentral.Simulator.Infrastructure;

/// <summary>RingCentral's rate-limit groups this simulator serves; each has its own limit (<see cref="RuntimeConfig"/>).</summary>
internal enum RateGroup
{
    Heavy,
    Medium,
    Light,
    Auth,
}

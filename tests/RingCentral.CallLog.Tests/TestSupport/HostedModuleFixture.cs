using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.TestSupport;

/// <summary>
/// One <see cref="HostedModule"/> shared by the tests of a class (<c>IClassFixture</c>); a subclass
/// says only which simulator it needs.
/// </summary>
public abstract class HostedModuleFixture : IAsyncLifetime
{
    public HostedModule Module { get; private set; } = null!;

    /// <summary>The simulator's options (test hooks are switched on for every fixture).</summary>
    protected abstract SimulatorOptions Options { get; }

    public async Task InitializeAsync() => Module = await HostedModule.StartAsync(Options);

    public async Task DisposeAsync() => await Module.DisposeAsync();
}

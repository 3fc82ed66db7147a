using RingCentral.Simulator;

// Parses the command line, starts the simulator, prints the one-line JSON (the only stdout output)
// and serves like a server until Ctrl+C or SIGTERM: started in the background its stdin is closed or
// /dev/null, which must not stop it. With --exit-on-stdin-close (how test harnesses that own the
// process stop it) the end of stdin stops it too.
SimulatorOptions options;
try
{
    options = SimulatorOptions.Parse(args);
}
catch (FormatException e)
{
    await Console.Error.WriteLineAsync("RingCentral.Simulator: " + e.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx =>
{
    ctx.Cancel = true;
    stop.Cancel();
});

await using var host = await SimulatorHost.StartAsync(options, stop.Token);
Console.Out.WriteLine(host.Info.ToJsonLine());
Console.Out.Flush();

// Stdin EOF ends the simulator only when asked; read on a background thread so a console without input does not block shutdown.
if (options.ExitOnStdinClose) _ = Task.Run(async () =>
{
    using var stdin = Console.OpenStandardInput();
    var buffer = new byte[256];
    try
    {
        while (await stdin.ReadAsync(buffer) > 0)
        {
        }
    }
    catch (IOException)
    {
    }
    await stop.CancelAsync();
});

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
return 0;

using RingCentral.Simulator;

// Parses the command line, starts the simulator, prints the one-line JSON (the only stdout output)
// and runs until stdin reaches EOF (how test harnesses stop it) or Ctrl+C / SIGTERM.
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

// Stdin EOF ends the simulator; read on a background thread so a console without input does not block shutdown.
_ = Task.Run(async () =>
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

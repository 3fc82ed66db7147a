using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Base of the cmdlets that run client work: ties a cancellation token to Ctrl+C, and runs the work
/// while writing its verbose, debug, warning and progress messages from the pipeline thread.
/// </summary>
public abstract class RcAsyncCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    // Made with the cmdlet, on the pipeline thread: the pump must know that thread before any
    // worker posts to it.
    private readonly PipelinePump _pump = new();
    private readonly CmdletEvents _events;

    protected RcAsyncCmdlet()
    {
        _events = new CmdletEvents(this);
    }

    internal CancellationToken StopToken => _stopping.Token;

    internal IRcEvents RcEvents => _events;

    internal PipelinePump Pump => _pump;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected override void StopProcessing() => _stopping.Cancel();

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pump.Dispose();
            _stopping.Dispose();
        }
    }

    /// <summary>Runs client work to completion; Ctrl+C cancels it and stops the pipeline.</summary>
    internal T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        try
        {
            return Pump.Run(work(StopToken));
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    internal void Run(Func<CancellationToken, Task> work) => Run(async ct =>
    {
        await work(ct).ConfigureAwait(false);
        return true;
    });

    /// <summary>Throws an API failure as a terminating error with the contract's ErrorId.</summary>
    internal void ThrowTerminating(RcApiException exception, object? target, string notFoundId = ErrorIds.CallLogRecordNotFound) =>
        ThrowTerminatingError(ErrorIds.Record(exception, target, notFoundId));

    /// <summary>Refuses bad input before any request, naming the parameter.</summary>
    internal void ThrowInvalidArgument(ArgumentException exception, object? target) =>
        ThrowTerminatingError(ErrorIds.InvalidArgumentRecord(exception, target));

    /// <summary>True when this run only says what it would do: -WhatIf given, or $WhatIfPreference set.</summary>
    internal bool IsWhatIfRun => LanguagePrimitives.IsTrue(
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound) ? bound : SessionState.PSVariable.GetValue("WhatIfPreference"));

    /// <summary>Makes -Path ready (see <see cref="OutputFolder"/>); a place that cannot be written is one terminating error naming -Path.</summary>
    internal void PrepareOutputFolder(OutputFolder folder, string directory, string? path)
    {
        try
        {
            folder.Prepare(directory);
        }
        catch (Exception ex) when (OutputFolder.IsWriteFailure(ex))
        {
            ThrowInvalidArgument(new ArgumentException($"-Path '{directory}' cannot be written: {ex.Message}", "Path", ex), path);
        }
    }

    /// <summary>Queues the client's messages and writes them from the pipeline thread.</summary>
    private sealed class CmdletEvents : IRcEvents
    {
        private readonly RcAsyncCmdlet _cmdlet;

        public CmdletEvents(RcAsyncCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        // The client's texts pass one more scrub: a URL that reached a message some other way still loses its query.
        public void Verbose(string message) => _cmdlet.Pump.Post(() => _cmdlet.WriteVerbose(UrlText.Scrub(message)));

        public void Debug(string message) => _cmdlet.Pump.Post(() => _cmdlet.WriteDebug(UrlText.Scrub(message)));

        public void Warning(string message) => _cmdlet.Pump.Post(() => _cmdlet.WriteWarning(UrlText.Scrub(message)));

        public void Waiting(string reason, TimeSpan duration)
        {
            var seconds = duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            _cmdlet.Pump.Post(() =>
            {
                _cmdlet.WriteVerbose($"Waiting {seconds} s: {reason}.");
                _cmdlet.WriteProgress(new ProgressRecord(0x5243, "Waiting for RingCentral", $"{reason}: {seconds} s")
                {
                    SecondsRemaining = (int)Math.Ceiling(duration.TotalSeconds),
                });
            });
        }
    }
}

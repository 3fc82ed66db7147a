using System;
using System.Threading;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Auth;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Connect-RcAccount -Interactive: the authorization-code flow with PKCE through the user's
/// browser and a loopback listener, bounded by -TimeoutSeconds.
/// </summary>
internal static class InteractiveSignIn
{
    public static RcSession SignIn(ConnectRcAccountCommand cmdlet, RcHttpCore core)
    {
        using var receiver = new LoopbackCodeReceiver();
        var authorize = receiver.AuthorizeUri(core.Server, cmdlet.ClientId!);
        cmdlet.WriteWarning($"Sign in to RingCentral in your browser. If no browser opens (e.g. on a headless machine), open this address where you can: {authorize}");
        if (BrowserLauncher.TryOpen(authorize) is { } failure)
        {
            cmdlet.WriteVerbose("Could not start a browser: " + failure);
        }

        var code = cmdlet.Run(async ct =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(cmdlet.TimeoutSeconds));
            try
            {
                return await receiver.WaitForCodeAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && timeout.IsCancellationRequested)
            {
                throw new RcApiException(RcErrorKind.AuthenticationFailed, $"No browser completed the sign-in within {cmdlet.TimeoutSeconds} s. Open the address shown above, or use the JWT flow for unattended scripts.", ex);
            }
        });
        return cmdlet.Run(ct => RcSession.SignInWithCodeAsync(core, new ClientCredentials(cmdlet.ClientId!, cmdlet.ClientSecret), code, receiver.RedirectUri, receiver.CodeVerifier, cmdlet.RcEvents, ct));
    }
}

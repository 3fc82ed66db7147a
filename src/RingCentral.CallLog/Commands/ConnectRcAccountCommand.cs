using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Auth;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Commands;

/// <summary>Connect-RcAccount: signs in and makes the session this runspace's current connection.</summary>
[Cmdlet(VerbsCommunications.Connect, "RcAccount", DefaultParameterSetName = JwtSet)]
[OutputType(typeof(RcConnection))]
public sealed class ConnectRcAccountCommand : RcAsyncCmdlet
{
    private const string JwtSet = "Jwt";
    private const string CredentialSet = "ClientCredential";
    private const string AccessTokenSet = "AccessToken";
    private const string InteractiveSet = "Interactive";

    [Parameter(ParameterSetName = JwtSet)]
    [Parameter(ParameterSetName = InteractiveSet, Mandatory = true, HelpMessage = "The app's client id from the RingCentral Developer Console.")]
    [ValidateNotNullOrEmpty]
    public string? ClientId { get; set; }

    [Parameter(ParameterSetName = JwtSet)]
    [Parameter(ParameterSetName = InteractiveSet)]
    [ValidateNotNull]
    public SecureString? ClientSecret { get; set; }

    [Parameter(ParameterSetName = CredentialSet, Mandatory = true, HelpMessage = "User name = client id, password = client secret.")]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ClientCredential { get; set; }

    [Parameter(ParameterSetName = JwtSet)]
    [Parameter(ParameterSetName = CredentialSet, Mandatory = true, HelpMessage = "The JWT credential created for the user in the RingCentral Developer Console.")]
    [ValidateNotNull]
    public SecureString? Jwt { get; set; }

    [Parameter(ParameterSetName = AccessTokenSet, Mandatory = true, HelpMessage = "An access token obtained elsewhere.")]
    [ValidateNotNull]
    public SecureString? AccessToken { get; set; }

    [Parameter(ParameterSetName = InteractiveSet, Mandatory = true)]
    public SwitchParameter Interactive { get; set; }

    /// <summary>How long -Interactive waits for the browser.</summary>
    [Parameter(ParameterSetName = InteractiveSet)]
    [ValidateRange(5, 3600)]
    public int TimeoutSeconds { get; set; } = 180;

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServerCompleter))]
    public string? Server { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ProxyCredential { get; set; }

    [Parameter]
    [ValidateRange(0, 20)]
    public int MaxRetryCount { get; set; } = 5;

    /// <summary>Wait after a 429 that carries no Retry-After.</summary>
    [Parameter]
    [ValidateRange(0.0, 3600.0)]
    public double DefaultRetryAfterSeconds { get; set; } = 30;

    /// <summary>First backoff step for 5xx and network failures (doubles per retry, jittered, capped at 60 s).</summary>
    [Parameter]
    [ValidateRange(0.0, 60.0)]
    public double RetryBackoffSeconds { get; set; } = 1;

    /// <summary>A recording download fails when no byte arrives for this long (never on its total time).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int StallTimeoutSeconds { get; set; } = 60;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        // RC_SERVER_URL belongs with the credentials in the environment: a stale one must never
        // receive credentials given on the command line.
        var serverText = Server ?? (CredentialsFromEnvironment ? Environment.GetEnvironmentVariable("RC_SERVER_URL") : null);
        RcServer server;
        try
        {
            server = RcServer.Parse(serverText);
        }
        catch (ArgumentException ex)
        {
            ThrowInvalidArgument(new ArgumentException(ex.Message, nameof(Server), ex), serverText);
            return;
        }

        if (server.IsDeprecatedSandbox)
        {
            WriteWarning("RingCentral is retiring its sandbox environment (platform.devtest.ringcentral.com); move your app to Production.");
        }

        if (Proxy is not null && Proxy.Scheme != Uri.UriSchemeHttp && Proxy.Scheme != Uri.UriSchemeHttps)
        {
            ThrowInvalidArgument(new ArgumentException($"-Proxy '{Proxy}' must be an http:// or https:// URI.", nameof(Proxy)), Proxy);
        }

        var settings = new RcClientSettings
        {
            MaxRetryCount = MaxRetryCount,
            DefaultRetryAfter = TimeSpan.FromSeconds(DefaultRetryAfterSeconds),
            BackoffBase = TimeSpan.FromSeconds(RetryBackoffSeconds),
            StallTimeout = TimeSpan.FromSeconds(StallTimeoutSeconds),
            Proxy = Proxy,
            ProxyCredential = ProxyCredential?.GetNetworkCredential(),
        };
        var core = new RcHttpCore(server, settings);
        RcSession session;
        try
        {
            session = ParameterSetName switch
            {
                AccessTokenSet => Run(ct => RcSession.WithAccessTokenAsync(core, AccessToken!, RcEvents, ct)),
                InteractiveSet => SignInInteractively(core),
                CredentialSet => Run(ct => RcSession.SignInWithJwtAsync(core, new ClientCredentials(ClientCredential!.UserName, ClientCredential.Password), Jwt!, RcEvents, ct)),
                _ => SignInWithJwt(core),
            };
        }
        catch (RcApiException ex)
        {
            core.Dispose();
            ThrowTerminating(ex, server.ToString());
            return;
        }
        catch
        {
            core.Dispose();
            throw;
        }

        var connection = new RcConnection(session);
        ConnectionStore.Set(connection);
        if (PassThru)
        {
            WriteObject(connection);
        }
    }

    /// <summary>No credentials given: the JWT flow reads them (and the server) from the environment.</summary>
    private bool CredentialsFromEnvironment => ParameterSetName == JwtSet && ClientId is null && ClientSecret is null && Jwt is null;

    private RcSession SignInWithJwt(RcHttpCore core)
    {
        var clientId = ClientId;
        var secret = ClientSecret;
        var jwt = Jwt;
        if (CredentialsFromEnvironment)
        {
            // No credentials given: the variables RingCentral's own samples use.
            clientId = Environment.GetEnvironmentVariable("RC_CLIENT_ID");
            secret = FromEnvironment("RC_CLIENT_SECRET");
            jwt = FromEnvironment("RC_JWT");
            if (string.IsNullOrEmpty(clientId) || secret is null || jwt is null)
            {
                core.Dispose();
                ThrowInvalidArgument(new ArgumentException("No credentials given. Pass -ClientId, -ClientSecret and -Jwt (or -ClientCredential and -Jwt, -AccessToken, or -Interactive), or set RC_CLIENT_ID, RC_CLIENT_SECRET and RC_JWT.", nameof(Jwt)), null);
            }

            WriteVerbose("Using RC_CLIENT_ID, RC_CLIENT_SECRET and RC_JWT" + (Server is null && Environment.GetEnvironmentVariable("RC_SERVER_URL") is { Length: > 0 } ? " and RC_SERVER_URL" : string.Empty) + " from the environment.");
        }
        else if (clientId is null || secret is null || jwt is null)
        {
            var missing = clientId is null ? nameof(ClientId) : secret is null ? nameof(ClientSecret) : nameof(Jwt);
            core.Dispose();
            ThrowInvalidArgument(new ArgumentException($"The JWT flow needs -ClientId, -ClientSecret and -Jwt; -{missing} is missing.", missing), null);
        }

        return Run(ct => RcSession.SignInWithJwtAsync(core, new ClientCredentials(clientId!, secret!), jwt!, RcEvents, ct));
    }

    private RcSession SignInInteractively(RcHttpCore core)
    {
        using var receiver = new LoopbackCodeReceiver();
        var authorize = receiver.AuthorizeUri(core.Server, ClientId!);
        WriteWarning($"Sign in to RingCentral in your browser. If no browser opens (e.g. on a headless machine), open this address where you can: {authorize}");
        OpenBrowser(authorize);
        var code = Run(async ct =>
        {
            using var timeout = System.Threading.CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(TimeoutSeconds));
            try
            {
                return await receiver.WaitForCodeAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && timeout.IsCancellationRequested)
            {
                throw new RcApiException(RcErrorKind.AuthenticationFailed, $"No browser completed the sign-in within {TimeoutSeconds} s. Open the address shown above, or use the JWT flow for unattended scripts.", ex);
            }
        });
        return Run(ct => RcSession.SignInWithCodeAsync(core, new ClientCredentials(ClientId!, ClientSecret), code, receiver.RedirectUri, receiver.CodeVerifier, RcEvents, ct));
    }

    private void OpenBrowser(Uri address)
    {
        try
        {
            // BROWSER is the usual way to name a browser command on Unix; it also lets tests follow the redirect.
            var browser = Environment.GetEnvironmentVariable("BROWSER");
            ProcessStartInfo start = !string.IsNullOrEmpty(browser) ? new ProcessStartInfo(browser!, "\"" + address.AbsoluteUri + "\"")
                : RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new ProcessStartInfo(address.AbsoluteUri) { UseShellExecute = true }
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? new ProcessStartInfo("open", address.AbsoluteUri)
                : new ProcessStartInfo("xdg-open", address.AbsoluteUri);
            Process.Start(start)?.Dispose();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or System.IO.FileNotFoundException)
        {
            WriteVerbose("Could not start a browser: " + ex.Message);
        }
    }

    private static SecureString? FromEnvironment(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : SecretText.Protect(value!);
    }
}

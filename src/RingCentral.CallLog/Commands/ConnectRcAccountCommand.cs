using System;
using System.Management.Automation;
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
        var serverText = Server ?? (CredentialsFromEnvironment ? EnvironmentCredentials.ServerUrl : null);
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
        var core = RcHttpCore.Unauthenticated(server, settings);
        RcSession session;
        try
        {
            session = ParameterSetName switch
            {
                AccessTokenSet => Run(ct => RcSession.WithAccessTokenAsync(core, AccessToken!, RcEvents, ct)),
                InteractiveSet => InteractiveSignIn.SignIn(this, core),
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
            var environment = EnvironmentCredentials.Read();
            if (environment is null)
            {
                core.Dispose();
                ThrowInvalidArgument(new ArgumentException("No credentials given. Pass -ClientId, -ClientSecret and -Jwt (or -ClientCredential and -Jwt, -AccessToken, or -Interactive), or set RC_CLIENT_ID, RC_CLIENT_SECRET and RC_JWT.", nameof(Jwt)), null);
                return null!;
            }

            (clientId, secret, jwt) = (environment.ClientId, environment.ClientSecret, environment.Jwt);
            WriteVerbose(Server is null && EnvironmentCredentials.ServerUrl is not null
                ? "Using RC_CLIENT_ID, RC_CLIENT_SECRET, RC_JWT and RC_SERVER_URL from the environment."
                : "Using RC_CLIENT_ID, RC_CLIENT_SECRET and RC_JWT from the environment.");
        }
        else if (clientId is null || secret is null || jwt is null)
        {
            var missing = clientId is null ? nameof(ClientId) : secret is null ? nameof(ClientSecret) : nameof(Jwt);
            core.Dispose();
            ThrowInvalidArgument(new ArgumentException($"The JWT flow needs -ClientId, -ClientSecret and -Jwt; -{missing} is missing.", missing), null);
        }

        return Run(ct => RcSession.SignInWithJwtAsync(core, new ClientCredentials(clientId!, secret!), jwt!, RcEvents, ct));
    }
}

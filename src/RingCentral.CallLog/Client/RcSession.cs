using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Auth;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Client;

/// <summary>One signed-in session: its HTTP core, its tokens and who it is.</summary>
internal sealed class RcSession : IDisposable
{
    private const string JwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private volatile bool _disconnected;

    private RcSession(RcHttpCore core, ITokenSource tokens, string authFlow)
    {
        Core = core;
        Tokens = tokens;
        AuthFlow = authFlow;
        core.Tokens = tokens;
        CallLogs = new CallLogApi(core);
        Recordings = new RecordingApi(core);
        Messages = new MessageApi(core, () => ExtensionId);
    }

    public RcHttpCore Core { get; }

    /// <summary>The call log, batch and active-call endpoints of this session; cmdlets take it from here, never build their own.</summary>
    public CallLogApi CallLogs { get; }

    /// <summary>The recording endpoints of this session.</summary>
    public RecordingApi Recordings { get; }

    /// <summary>The message-store endpoints (voicemail, fax) of this session.</summary>
    public MessageApi Messages { get; }

    public ITokenSource Tokens { get; }

    public string AuthFlow { get; }

    public string? AccountId { get; private set; }

    public string? ExtensionId { get; private set; }

    public string? OwnerName { get; private set; }

    /// <summary>The company the signed-in extension's contact names, if any: the account's name as people know it.</summary>
    public string? AccountName { get; private set; }

    public bool IsDisconnected
    {
        get => _disconnected;
        private set => _disconnected = value;
    }

    public static async Task<RcSession> SignInWithJwtAsync(RcHttpCore core, ClientCredentials client, SecureString jwt, IRcEvents events, CancellationToken cancellationToken)
    {
        var endpoint = new TokenEndpoint(core, client);
        IEnumerable<KeyValuePair<string, string>> Grant() => new[]
        {
            new KeyValuePair<string, string>("grant_type", JwtGrant),
            new KeyValuePair<string, string>("assertion", SecretText.Reveal(jwt)),
        };
        events.Verbose($"Signing in to {core.Server} with the JWT flow (client id {client.ClientId}).");
        var tokens = await endpoint.RequestAsync(Grant, events, cancellationToken).ConfigureAwait(false);
        var source = new RenewingTokenSource(endpoint, tokens, Grant, RcRemedy.SignInAgainWithJwt);
        return await CompleteAsync(new RcSession(core, source, "Jwt"), events, cancellationToken).ConfigureAwait(false);
    }

    public static Task<RcSession> WithAccessTokenAsync(RcHttpCore core, SecureString accessToken, IRcEvents events, CancellationToken cancellationToken)
    {
        events.Verbose($"Using the given access token with {core.Server}.");
        return CompleteAsync(new RcSession(core, new StaticTokenSource(accessToken), "AccessToken"), events, cancellationToken);
    }

    public static async Task<RcSession> SignInWithCodeAsync(RcHttpCore core, ClientCredentials client, string code, string redirectUri, string codeVerifier, IRcEvents events, CancellationToken cancellationToken)
    {
        var endpoint = new TokenEndpoint(core, client);
        var tokens = await endpoint.RequestAsync(
            () => new[]
            {
                new KeyValuePair<string, string>("grant_type", "authorization_code"),
                new KeyValuePair<string, string>("code", code),
                new KeyValuePair<string, string>("redirect_uri", redirectUri),
                new KeyValuePair<string, string>("code_verifier", codeVerifier),
            },
            events,
            cancellationToken).ConfigureAwait(false);
        var source = new RenewingTokenSource(endpoint, tokens, null, RcRemedy.SignInAgainInteractively);
        return await CompleteAsync(new RcSession(core, source, "Interactive"), events, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Revokes the session and closes its HTTP client; a failure is reported as a warning, never
    /// thrown. A renewal running meanwhile (another runspace) cannot bring the session back.
    /// </summary>
    public async Task DisconnectAsync(IRcEvents events, CancellationToken cancellationToken)
    {
        if (IsDisconnected)
        {
            return;
        }

        IsDisconnected = true;
        try
        {
            await Tokens.RevokeAsync(events, cancellationToken).ConfigureAwait(false);
        }
        catch (RcApiException ex)
        {
            events.Warning("Could not revoke the session at RingCentral (" + ex.Message + "); its tokens are forgotten here and expire on their own.");
        }
        finally
        {
            Core.Dispose();
        }
    }

    public void Dispose()
    {
        Core.Dispose();
        (Tokens as IDisposable)?.Dispose();
    }

    private static async Task<RcSession> CompleteAsync(RcSession session, IRcEvents events, CancellationToken cancellationToken)
    {
        try
        {
            var request = new RcRequest(HttpMethod.Get, session.Core.Server.Resolve("/restapi/v1.0/account/~/extension/~"), RouteKeys.Identity);
            var me = await session.Core.SendAsync(request, ReadExtensionAsync, events, cancellationToken).ConfigureAwait(false);
            session.ExtensionId = me.Id;
            session.OwnerName = me.Name;
            session.AccountName = string.IsNullOrWhiteSpace(me.Contact?.Company) ? null : me.Contact!.Company;
            session.AccountId = me.Account?.Id;
            events.Verbose($"Signed in as {me.Name} (extension {me.ExtensionNumber}, id {me.Id}) of account {me.Account?.Id}.");
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static async Task<ExtensionDto> ReadExtensionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        return await WireJson.ReadAsync(response, WireJsonContext.Default.ExtensionDto, "The extension info answer", cancellationToken).ConfigureAwait(false)
            ?? throw new RcApiException(RcErrorKind.ResponseInvalid, "The extension info answer was empty.");
    }
}

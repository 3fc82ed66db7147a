using System;
using RingCentral.CallLog.Client;

namespace RingCentral.CallLog;

/// <summary>
/// A signed-in RingCentral session, as Connect-RcAccount -PassThru writes it. Holds no readable
/// token or secret: those stay inside, in memory only.
/// </summary>
public sealed class RcConnection
{
    internal RcConnection(RcSession session)
    {
        Session = session;
    }

    public string Server => Session.Core.Server.ToString();

    public string? AccountId => Session.AccountId;

    /// <summary>The company named in the signed-in extension's contact (RingCentral's account info has no name); null when none is set.</summary>
    public string? AccountName => Session.AccountName;

    public string? ExtensionId => Session.ExtensionId;

    public string? OwnerName => Session.OwnerName;

    /// <summary>Jwt, AccessToken or Interactive.</summary>
    public string AuthFlow => Session.AuthFlow;

    public string? Scope => Session.Tokens.Scope;

    public DateTimeOffset? AccessTokenExpiresOn => Session.Tokens.AccessTokenExpiresOn;

    public DateTimeOffset? RefreshTokenExpiresOn => Session.Tokens.RefreshTokenExpiresOn;

    /// <summary>False once Disconnect-RcAccount has revoked it.</summary>
    public bool IsConnected => !Session.IsDisconnected;

    internal RcSession Session { get; }

    public override string ToString() => $"{OwnerName} (extension {ExtensionId}, account {AccountId}) at {Server}";
}

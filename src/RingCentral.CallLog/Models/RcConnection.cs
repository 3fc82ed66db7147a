using System;
using RingCentral.CallLog.Client;

namespace RingCentral.CallLog;

/// <summary>
/// A signed-in RingCentral session, as Connect-RcAccount -PassThru writes it. Holds no readable
/// token or secret: those stay inside, in memory only. It is the public handle of an
/// <see cref="RcSession"/> (cmdlets take it as -Connection and reach the session through it): the
/// one type of Models/ that uses Client/, and only the session itself.
/// </summary>
public sealed class RcConnection
{
    internal RcConnection(RcSession session)
    {
        Session = session;
    }

    public string Server => Session.ServerText;

    public string? AccountId => Session.AccountId;

    /// <summary>The company named in the signed-in extension's contact (RingCentral's account info has no name); null when none is set.</summary>
    public string? AccountName => Session.AccountName;

    public string? ExtensionId => Session.ExtensionId;

    public string? OwnerName => Session.OwnerName;

    /// <summary>Jwt, AccessToken or Interactive.</summary>
    public string AuthFlow => Session.AuthFlow;

    public string? Scope => Session.Scope;

    public DateTimeOffset? AccessTokenExpiresOn => Session.AccessTokenExpiresOn;

    public DateTimeOffset? RefreshTokenExpiresOn => Session.RefreshTokenExpiresOn;

    /// <summary>False once Disconnect-RcAccount has revoked it.</summary>
    public bool IsConnected => !Session.IsDisconnected;

    internal RcSession Session { get; }

    public override string ToString() => $"{OwnerName} (extension {ExtensionId}, account {AccountId}) at {Server}";
}

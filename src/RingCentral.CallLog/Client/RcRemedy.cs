namespace RingCentral.CallLog.Client;

/// <summary>
/// What the user can do about a failure, as data: the cmdlet layer words it in terms of its own
/// cmdlets and parameters (the client knows neither).
/// </summary>
internal enum RcRemedy
{
    /// <summary>Nothing particular (a hint may still follow from the kind and RingCentral's error code).</summary>
    None,

    /// <summary>The session cannot be renewed: sign in again with a valid JWT.</summary>
    SignInAgainWithJwt,

    /// <summary>The session cannot be renewed: sign in again in the browser.</summary>
    SignInAgainInteractively,

    /// <summary>A token given as is expired or was refused: give a new one, or use a flow that renews itself.</summary>
    NewAccessToken,

    /// <summary>The connection was disconnected: connect again.</summary>
    Connect,

    /// <summary>
    /// RingCentral refused this token another extension's mailbox (the exception's
    /// <see cref="RcApiException.Mailbox"/>): the account-wide message-store export is the admin's route.
    /// </summary>
    ExportMessageStore,

    /// <summary>The account-wide message store export was refused: it needs a user with an admin role.</summary>
    AdminForAccountExport,
}

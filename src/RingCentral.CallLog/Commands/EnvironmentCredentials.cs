using System;
using System.Security;
using RingCentral.CallLog.Client.Auth;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// The JWT flow's credentials from the environment variables RingCentral's own samples use
/// (RC_CLIENT_ID, RC_CLIENT_SECRET, RC_JWT, and RC_SERVER_URL beside them).
/// </summary>
internal sealed class EnvironmentCredentials
{
    private EnvironmentCredentials(string clientId, SecureString clientSecret, SecureString jwt)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        Jwt = jwt;
    }

    public string ClientId { get; }

    public SecureString ClientSecret { get; }

    public SecureString Jwt { get; }

    /// <summary>RC_SERVER_URL, or null when unset. Read only with these credentials: a stale one must never receive credentials given on the command line.</summary>
    public static string? ServerUrl => Environment.GetEnvironmentVariable("RC_SERVER_URL") is { Length: > 0 } url ? url : null;

    /// <summary>The three credentials, or null when any is missing.</summary>
    public static EnvironmentCredentials? Read()
    {
        var clientId = Environment.GetEnvironmentVariable("RC_CLIENT_ID");
        var secret = Secret("RC_CLIENT_SECRET");
        var jwt = Secret("RC_JWT");
        return string.IsNullOrEmpty(clientId) || secret is null || jwt is null ? null : new EnvironmentCredentials(clientId!, secret, jwt);
    }

    private static SecureString? Secret(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : SecretText.Protect(value!);
    }
}

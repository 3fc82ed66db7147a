using System;
using System.Net.Http.Headers;
using System.Security;
using System.Text;

namespace RingCentral.CallLog.Client.Auth;

/// <summary>The app's client id and (optional, for public PKCE clients) secret.</summary>
internal sealed class ClientCredentials
{
    public ClientCredentials(string clientId, SecureString? clientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public string ClientId { get; }

    public SecureString? ClientSecret { get; }

    /// <summary>client_secret_basic: Basic base64(id:secret).</summary>
    public AuthenticationHeaderValue BasicHeader()
    {
        var secret = ClientSecret is null ? string.Empty : SecretText.Reveal(ClientSecret);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + secret)));
    }
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Auth;

/// <summary>A token answer, with absolute expiry times.</summary>
internal sealed class TokenSet
{
    public string AccessToken { get; set; } = string.Empty;

    public DateTimeOffset AccessTokenExpiresOn { get; set; }

    public string? RefreshToken { get; set; }

    public DateTimeOffset? RefreshTokenExpiresOn { get; set; }

    public string? Scope { get; set; }

    public string? OwnerId { get; set; }
}

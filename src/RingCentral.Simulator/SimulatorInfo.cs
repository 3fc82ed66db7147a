namespace RingCentral.Simulator;

/// <summary>What a started simulator tells its clients (the first stdout line).</summary>
public sealed class SimulatorInfo
{
    public required string Url { get; init; }
    public required string MediaUrl { get; init; }
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }
    public required string AdminJwt { get; init; }
    public required string UserJwt { get; init; }
    public required string AccountId { get; init; }
    public required string AdminExtensionId { get; init; }
    public required string UserExtensionId { get; init; }

    /// <summary>The one-line JSON object with exactly the documented keys.</summary>
    public string ToJsonLine()
    {
        var line = Json.JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("url", Url);
            w.WriteString("mediaUrl", MediaUrl);
            w.WriteString("clientId", ClientId);
            w.WriteString("clientSecret", ClientSecret);
            w.WriteString("adminJwt", AdminJwt);
            w.WriteString("userJwt", UserJwt);
            w.WriteString("accountId", AccountId);
            w.WriteString("adminExtensionId", AdminExtensionId);
            w.WriteString("userExtensionId", UserExtensionId);
            w.WriteEndObject();
        });
        return System.Text.Encoding.UTF8.GetString(line);
    }
}

namespace RingCentral.Simulator.Infrastructure;

/// <summary>One request as the stats hook reports it.</summary>
internal sealed class RequestEntry
{
    public long Seq { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required string Query { get; init; }
    public int Status { get; set; }
    public string? Group { get; set; }
    public string? Authorization { get; init; }
    public bool AccessTokenInQuery { get; init; }
    public string? Range { get; init; }
}

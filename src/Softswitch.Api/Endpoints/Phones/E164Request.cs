namespace Softswitch.Api.Endpoints.Phones;

/// <summary>DeletePhone body (001_… §3.8).</summary>
public sealed record E164Request
{
    public string? E164 { get; init; }
}

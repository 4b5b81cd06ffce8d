namespace Softswitch.Api.Endpoints.Ivr;

/// <summary>ReserveCalleeE164 body (001_… §3.66): all four fields mandatory.</summary>
public sealed record ReserveCalleeE164Request
{
    public string? CallerE164 { get; init; }
    public string? CalleeE164 { get; init; }
    public string? AccessE164 { get; init; }
    public string? AccessE164Password { get; init; }
}

namespace Softswitch.Api.Endpoints.Calls;

/// <summary>GetCdr body (001_… §3.47): accounts, beginTime and endTime (yyyyMMdd) mandatory, the rest filters.</summary>
public sealed record GetCdrRequest
{
    public IReadOnlyList<string>? Accounts { get; init; }
    public string? CallerE164 { get; init; }
    public string? CalleeE164 { get; init; }
    public string? CallerGateway { get; init; }
    public string? CalleeGateway { get; init; }
    public string? BeginTime { get; init; }
    public string? EndTime { get; init; }
}

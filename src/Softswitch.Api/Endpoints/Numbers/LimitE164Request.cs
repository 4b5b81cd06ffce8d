namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>
/// CreateLimitE164 (001_… §3.71: infoLimitE164s), DeleteLimitE164 (§3.72: e164s) and GetLimitE164 (§3.73: e164, a
/// comma list) bodies. Null = not given.
/// </summary>
public sealed record LimitE164Request
{
    public string? LimitE164GroupName { get; init; }
    public IReadOnlyList<InfoLimitE164>? InfoLimitE164s { get; init; }
    public IReadOnlyList<string>? E164s { get; init; }
    public string? E164 { get; init; }
}

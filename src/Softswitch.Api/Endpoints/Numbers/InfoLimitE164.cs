namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>InfoLimitE164 (001_… §3.71, §3.73): a group number and its memo.</summary>
public sealed record InfoLimitE164
{
    public string? E164 { get; init; }
    public string? Memo { get; init; }
}

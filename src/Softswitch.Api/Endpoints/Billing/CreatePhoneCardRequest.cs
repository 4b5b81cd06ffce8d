namespace Softswitch.Api.Endpoints.Billing;

/// <summary>
/// CreatePhoneCard body (this project's extension, docs/billing.md): the pin and password of a recharge card and
/// InfoPhoneCard's writable fields (001_… §3.84). Null = not given.
/// </summary>
public sealed record CreatePhoneCardRequest
{
    public string? Pin { get; init; }
    public string? Password { get; init; }
    public decimal? Money { get; init; }
    public decimal? LimitMoney { get; init; }
    public int? BitsOfConfig { get; init; }
    public string? FeeRateGroup { get; init; }
    public long? ExpireTime { get; init; }
    public string? AgentAccount { get; init; }
    public IReadOnlyList<string?>? SuiteNames { get; init; }
    public string? Memo { get; init; }
}

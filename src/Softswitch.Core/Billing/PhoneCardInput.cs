namespace Softswitch.Core.Billing;

/// <summary>
/// CreatePhoneCard fields (this project's extension; InfoPhoneCard 001_… §3.84 plus the pin and password):
/// null = not given.
/// </summary>
public sealed record PhoneCardInput
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

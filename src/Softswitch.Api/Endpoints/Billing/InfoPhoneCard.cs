namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoPhoneCard (001_… §3.84): exactly the manual's fields (the pin is the request's); usedTime and
/// usedAccount are left out while the card is unused ("不设置:表示未使用").</summary>
public sealed record InfoPhoneCard
{
    public decimal Money { get; init; }
    public decimal LimitMoney { get; init; }
    public int BitsOfConfig { get; init; }
    public string FeeRateGroup { get; init; } = "";
    public long ExpireTime { get; init; }
    public long? UsedTime { get; init; }
    public string? UsedAccount { get; init; }
    public string AgentAccount { get; init; } = "";
    public IReadOnlyList<string> SuiteNames { get; init; } = [];
    public string Memo { get; init; } = "";
}

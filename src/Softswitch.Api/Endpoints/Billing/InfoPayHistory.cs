namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoPayHistory (001_… §3.46).</summary>
public sealed record InfoPayHistory
{
    public required string Account { get; init; }
    public decimal Fee { get; init; }
    public int Type { get; init; }
    public int PayType { get; init; }
    public decimal CustomerMoney { get; init; }
    public long PayTime { get; init; }
    public required string Memo { get; init; }
}

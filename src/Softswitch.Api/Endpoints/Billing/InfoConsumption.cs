namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoConsumption (001_… §3.64).</summary>
public sealed record InfoConsumption
{
    public required string Account { get; init; }
    public decimal Money { get; init; }
    public decimal CustomerMoney { get; init; }
    public int Type { get; init; }
    public long ConsumptionName { get; init; }
    public long Time { get; init; }
}

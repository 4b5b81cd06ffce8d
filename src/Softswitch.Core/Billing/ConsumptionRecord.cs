namespace Softswitch.Core.Billing;

/// <summary>
/// One non-call charge (其他收入, InfoConsumption 001_… §3.64): <see cref="Type"/> 0 suite rent, 1 phone monthly
/// rent, 2 phone minimum-consumption top-up, 3 suite minimum-consumption top-up. <see cref="ConsumptionName"/> is
/// typed int in the manual ("消费来源"); it holds the suite id for suite charges.
/// </summary>
public sealed record ConsumptionRecord
{
    public long Id { get; init; }
    public required string Account { get; init; }
    public decimal Money { get; init; }
    public decimal CustomerMoney { get; init; }
    public int Type { get; init; }
    public long ConsumptionName { get; init; }
    public long Time { get; init; }
}

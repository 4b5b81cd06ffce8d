namespace Softswitch.Core.Billing;

/// <summary>Ids the store gave the rows of a <see cref="MoneyChange"/> (0 where the change had no such row).</summary>
public sealed record MoneyChangeIds(long PayId, long ConsumptionId, long CurrentSuiteId);

namespace Softswitch.Core.Billing;

/// <summary>
/// One step of a segmented rate (InfoFeeRateSection, 001_… §3.44): the first steps of a call, in
/// <see cref="Position"/> order, cost <see cref="Fee"/> for <see cref="Time"/> seconds each, before the rate's
/// regular fee per period applies (docs/billing.md "Rating").
/// </summary>
public sealed record FeeRateSection(decimal Fee, int Time, int Position);

namespace Softswitch.Core.Billing;

/// <summary>
/// A fee-rate group (费率组, 001_… §3.40-§3.43). Its rates live in <see cref="FeeRateTable"/>, one per group in
/// <see cref="BillingState"/>. <see cref="FakeMinute"/> is the phone-card "60-second equivalent" (电话卡 60 秒等效时长):
/// kept and reported, null when never set.
/// </summary>
public sealed record FeeRateGroup(string Name, int? FakeMinute, string Memo);

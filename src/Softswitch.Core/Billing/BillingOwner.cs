using Softswitch.Core.Accounts;

namespace Softswitch.Core.Billing;

/// <summary>
/// Who pays: the account, and the fee-rate group that applies (a phone's own feerateGroup wins over its account's,
/// 001_… §3.6 / §3.1). <see cref="Phone"/> is the phone's e164 when the payer was found through a phone.
/// </summary>
public sealed record BillingOwner(Customer Account, string FeeRateGroup, string? Phone = null);

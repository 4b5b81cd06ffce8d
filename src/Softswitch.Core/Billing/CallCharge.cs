namespace Softswitch.Core.Billing;

/// <summary>
/// The money a rated CDR takes from its payer: <see cref="Fee"/> (≥ 0) from <see cref="Account"/>, leaving
/// <see cref="Balance"/>. Written with the CDR in one transaction, as a ledger row keyed by the CDR's flowNo, so the
/// charge exists exactly when the CDR does (docs/billing.md "Charging a call").
/// </summary>
public sealed record CallCharge(string Account, decimal Fee, decimal Balance);

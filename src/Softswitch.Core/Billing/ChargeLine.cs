namespace Softswitch.Core.Billing;

/// <summary>
/// One account's share of a call's money: <see cref="Fee"/> (&gt; 0) leaves <see cref="Account"/>, leaving
/// <see cref="Balance"/>. Its ledger key is <c>cdr:&lt;flowNo&gt;</c> followed by <see cref="KeySuffix"/> (empty for
/// the payer, <c>:agent:&lt;level&gt;</c> for an agent, <c>:clearing</c> for the clearing account).
/// </summary>
public sealed record ChargeLine(string Account, LedgerKind Kind, string KeySuffix, decimal Fee, decimal Balance);

namespace Softswitch.Core.Billing;

/// <summary>
/// The money one rated CDR moves: the payer's fee, each agent's fee up the agent chain and the routing gateway's
/// clearing cost, one <see cref="ChargeLine"/> each (docs/billing.md "Charging a call", "Agents and clearing").
/// Written with the CDR in one transaction, each line as a ledger row keyed by the CDR's flowNo and the line's
/// suffix, so every charge of a call exists exactly when its CDR does.
/// </summary>
public sealed record CallCharge(IReadOnlyList<ChargeLine> Lines);

namespace Softswitch.Core.Billing;

/// <summary>What moved an account's money: the <c>kind</c> column of the ledger (docs/billing.md "Ledger").</summary>
public enum LedgerKind
{
    /// <summary>A rated call's fee (a switch CDR or CreateCdr, 001_… §3.51); keyed by the CDR's flowNo.</summary>
    CallCharge = 1,

    /// <summary>Pay / PayByPhoneCard (§3.22, §3.84), credit or deduction; keyed by the pay-history id.</summary>
    Pay = 2,

    /// <summary>Other consumption (§3.64: suite rent …); keyed by the consumption id.</summary>
    Consumption = 3,

    /// <summary>The money an account was created with (CreateCustomer, PhoneCardActive, an auto-created account).</summary>
    Opening = 4,

    /// <summary>An agent's fee for a call of an account under it (its own rate group); keyed <c>cdr:&lt;flowNo&gt;:agent:&lt;level&gt;</c>.</summary>
    AgentCharge = 5,

    /// <summary>A routing gateway's settlement cost taken from its clearingAccount; keyed <c>cdr:&lt;flowNo&gt;:clearing</c>.</summary>
    ClearingCharge = 6,
}

using Softswitch.Core.Cdrs;
using Softswitch.Core.Management;
using Softswitch.Core.Routing;

namespace Softswitch.Core.Billing;

/// <summary>
/// Rates finished calls and charges their payers (docs/billing.md "Charging a call"): the CDR's money fields come
/// from the payer's rate for the callee (<see cref="FeeRate.Charge"/>), and the fee leaves the payer's balance in the
/// same SQLite transaction that records the CDR, as a ledger row keyed by the CDR's flowNo. A crash before the commit
/// loses neither or both; the key makes a second application impossible. Balances are moved inside the directory's
/// write gate, like every other balance change, so memory and the store agree.
/// </summary>
public sealed partial class CallBilling(RatingService rating, DirectoryState directory)
{
    /// <summary>
    /// The CDR with its payer's name, agent and, when the payer's fee-rate group rates the callee (routing tags
    /// stripped) and the call was answered, fee, feeTime, feePrefix and callLevel (the rate's type). A CDR nobody pays
    /// for, or that no rate covers, is returned with fee 0 (docs/billing.md "Who is charged").
    /// </summary>
    public Cdr Rate(Cdr cdr) => RateWithDebits(cdr).Cdr;

    /// <summary>Rates, charges and writes a batch of switch CDRs in one transaction (the <see cref="CdrWriter"/> path).</summary>
    public async Task WriteAsync(IReadOnlyList<Cdr> cdrs, ICdrStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cdrs);
        ArgumentNullException.ThrowIfNull(store);
        using (await directory.EnterWriteAsync(cancellationToken))
        {
            var rated = new Cdr[cdrs.Count];
            var charges = new CallCharge?[cdrs.Count];
            var balances = new Dictionary<string, decimal>(StringComparer.Ordinal);
            for (int i = 0; i < cdrs.Count; i++)
            {
                (rated[i], var debits) = RateWithDebits(cdrs[i]);
                charges[i] = Charge(debits, balances);
            }
            await store.InsertChargedBatchAsync(rated, charges, cancellationToken);
            Settle(balances);
        }
    }

    /// <summary>
    /// CreateCdr (001_… §3.51): rates the CDR by its billed time and writes it with its charge; a flowNo already
    /// recorded writes and charges nothing (null).
    /// </summary>
    public async Task<long?> CreateAsync(Cdr cdr, ICdrStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        ArgumentNullException.ThrowIfNull(store);
        using (await directory.EnterWriteAsync(cancellationToken))
        {
            var balances = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var (rated, debits) = RateWithDebits(cdr);
            var flowNo = await store.TryInsertChargedAsync(rated, Charge(debits, balances), cancellationToken);
            if (flowNo is not null)
            {
                Settle(balances);
            }
            return flowNo;
        }
    }

    /// <summary>The payer a billingMode names (§3.47, §3.51): 0 phone, 1 mapping gateway, 2 bound number, 3 active card.</summary>
    public BillingOwner? PayerFor(int billingMode, string name) => billingMode switch
    {
        0 => rating.OwnerOfPhone(name),
        1 => rating.OwnerOfMappingGateway(name),
        2 => rating.OwnerOfBindedE164(name),
        3 => rating.OwnerOfCard(name),
        _ => null,
    };

    /// <summary>
    /// The rated CDR and the money it moves: the payer's fee, then the agents' (docs/billing.md "Agents and clearing"),
    /// then the clearing account's. Only answered calls move money.
    /// </summary>
    private (Cdr Cdr, List<Debit> Debits) RateWithDebits(Cdr cdr)
    {
        var debits = new List<Debit>();
        cdr = WithCalleeBilling(cdr);
        var payer = PayerOf(cdr);
        if (payer is null && cdr.HoldTime <= 0)
        {
            return (cdr, debits);
        }
        bool free = IsFreeBetweenPhones(cdr, payer);
        var rated = payer is null ? cdr : RatePayer(cdr, payer, free, debits);
        if (cdr.HoldTime > 0 && !free)
        {
            if (payer is not null)
            {
                rated = RateAgents(rated, payer.Account, RatedNumber(cdr), debits);
            }
            AddClearing(rated, debits);
        }
        return (rated, debits);
    }

    private Cdr RatePayer(Cdr cdr, BillingOwner owner, bool free, List<Debit> debits)
    {
        var account = owner.Account;
        var named = cdr with
        {
            AccountName = account.Name,
            AgentAccount = account.AgentAccount,
            AgentName = account.AgentAccount.Length == 0 ? "" : directory.FindCustomer(account.AgentAccount)?.Name ?? "",
        };
        if (cdr.HoldTime <= 0 || free || rating.FindRate(owner, RatedNumber(cdr)) is not { } rate)
        {
            return named with { Fee = 0, FeeTime = cdr.HoldTime };
        }
        var (feeTime, fee) = rate.Charge(cdr.HoldTime);
        if (fee > 0)
        {
            debits.Add(new Debit(account.Account, LedgerKind.CallCharge, "", fee));
        }
        return named with { Fee = Money.ToDouble(fee), FeeTime = feeTime, FeePrefix = rate.FeePrefix, CallLevel = (int)rate.Type };
    }

    /// <summary>
    /// The CDR's payer: its account; when a phone of that account made the call (billingMode 0), or is the callee of
    /// a callee-billed call, the phone's own feerateGroup applies (§3.6). Null when the account is unknown or empty.
    /// </summary>
    private BillingOwner? PayerOf(Cdr cdr) => cdr.CalleeBilling == 1
        ? PayerOf(rating, cdr.Account, byPhone: true, rating.FindPlatformPhone(NumberChecks.StripTags(cdr.CalleeE164))?.E164 ?? "")
        : PayerOf(rating, cdr.Account, cdr.BillingMode == 0, cdr.CallerE164);

    /// <summary>The payer of a call of <paramref name="account"/>; a calling phone of that account brings its own group.</summary>
    internal static BillingOwner? PayerOf(RatingService rating, string account, bool byPhone, string callerE164)
    {
        if (account.Length == 0)
        {
            return null;
        }
        if (byPhone && rating.OwnerOfPhone(callerE164) is { } phone && phone.Account.Account == account)
        {
            return phone;
        }
        return rating.OwnerOfAccount(account);
    }

    /// <summary>The charge lines of a CDR's debits against the running balances of this write (null when it costs nothing).</summary>
    private CallCharge? Charge(List<Debit> debits, Dictionary<string, decimal> balances)
    {
        List<ChargeLine>? lines = null;
        foreach (var debit in debits)
        {
            if (directory.FindCustomer(debit.Account) is not { } customer)
            {
                continue;
            }
            decimal before = balances.TryGetValue(debit.Account, out decimal running) ? running : Money.From(customer.Money);
            decimal after = Money.Round(before - debit.Fee);
            balances[debit.Account] = after;
            (lines ??= []).Add(new ChargeLine(debit.Account, debit.Kind, debit.KeySuffix, debit.Fee, after));
        }
        return lines is null ? null : new CallCharge(lines);
    }

    /// <summary>After the commit: memory takes the balances the store now holds.</summary>
    private void Settle(Dictionary<string, decimal> balances)
    {
        foreach (var (account, balance) in balances)
        {
            if (directory.FindCustomer(account) is { } customer)
            {
                directory.PutCustomer(customer with { Money = Money.ToDouble(balance) });
            }
        }
    }
}

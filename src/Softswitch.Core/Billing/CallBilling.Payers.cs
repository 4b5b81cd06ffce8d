using Softswitch.Core.Cdrs;
using Softswitch.Core.Routing;

namespace Softswitch.Core.Billing;

/// <summary>
/// The other payers of a call (docs/billing.md "Agents and clearing"): every agent up the payer's agent chain, each at
/// its own fee-rate group (001_… §3.1 agentAccount, §3.47 agentFee*), and the routing gateway's clearing account at
/// its settlement rate (§3.17 clearingAccount, clearingAccountUseCalloutE164).
/// </summary>
public sealed partial class CallBilling
{
    /// <summary>
    /// How far up an agent chain a call is charged. The manual sets no depth; the bound keeps a misconfigured chain
    /// cheap to walk (a cycle is cut where it repeats).
    /// </summary>
    public const int MaxAgentLevels = 8;

    /// <summary>
    /// Charges each agent above <paramref name="payer"/> its own rate for the callee; the CDR's agentFee,
    /// agentFeeTime and agentFeePrefix are those of the direct agent (the CDR has one set of agent fields).
    /// </summary>
    private Cdr RateAgents(Cdr cdr, Accounts.Customer payer, ReadOnlySpan<char> callee, List<Debit> debits)
    {
        if (payer.AgentAccount.Length == 0)
        {
            return cdr;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal) { payer.Account };
        string agent = payer.AgentAccount;
        for (int level = 1; level <= MaxAgentLevels && agent.Length > 0 && seen.Add(agent); level++)
        {
            if (rating.OwnerOfAccount(agent) is not { } owner)
            {
                break;
            }
            if (rating.FindRate(owner, callee) is { } rate)
            {
                var (feeTime, fee) = rate.Charge(cdr.HoldTime);
                if (level == 1)
                {
                    cdr = cdr with { AgentFee = Money.ToDouble(fee), AgentFeeTime = feeTime, AgentFeePrefix = rate.FeePrefix };
                }
                if (fee > 0)
                {
                    debits.Add(new Debit(agent, LedgerKind.AgentCharge,
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $":agent:{level}"), fee));
                }
            }
            agent = owner.Account.AgentAccount;
        }
        return cdr;
    }

    /// <summary>
    /// The routing gateway's clearing account pays its settlement rate for the number it rates: the callee as sent to
    /// the gateway (after the dial rules) when clearingAccountUseCalloutE164, else the callee before them.
    /// </summary>
    private void AddClearing(Cdr cdr, List<Debit> debits)
    {
        if (rating.FindRoutingGateway(cdr.CalleeGateway) is not { ClearingAccount.Length: > 0 } gateway
            || rating.OwnerOfAccount(gateway.ClearingAccount) is not { } owner)
        {
            return;
        }
        string number = gateway.ClearingAccountUseCalloutE164 && cdr.CalleeToGatewayE164.Length > 0 ? cdr.CalleeToGatewayE164 : cdr.CalleeE164;
        if (rating.FindRate(owner, NumberChecks.StripTags(number)) is { } rate && rate.Charge(cdr.HoldTime).Fee is > 0 and var fee)
        {
            debits.Add(new Debit(gateway.ClearingAccount, LedgerKind.ClearingCharge, ":clearing", fee));
        }
    }

    /// <summary>Money a call takes from one account, before the running balance is known.</summary>
    private readonly record struct Debit(string Account, LedgerKind Kind, string KeySuffix, decimal Fee);
}

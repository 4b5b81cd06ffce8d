using Softswitch.Core.Cdrs;
using Softswitch.Core.Routing;

namespace Softswitch.Core.Billing;

/// <summary>
/// Calls that the callee pays for, or that nobody pays for (docs/billing.md "Callee billing and free calls between
/// phones"): a phone's calleeBilling (001_… §3.6) and its noBillingToPhone (§3.6 InfoPhoneAdditional).
/// </summary>
public sealed partial class CallBilling
{
    /// <summary>
    /// A switch call (calleeBilling 0) to a phone of the switch whose calleeBilling is set becomes a callee-billed
    /// call: calleeBilling 1 and the callee phone's account as the CDR's account (the payer). A CDR already marked
    /// (1, or 2 for CreateCdr's external billing) is left as it is.
    /// </summary>
    private Cdr WithCalleeBilling(Cdr cdr)
    {
        if (cdr.CalleeBilling != 0
            || rating.FindPlatformPhone(NumberChecks.StripTags(cdr.CalleeE164)) is not { CalleeBilling: true } phone
            || directory.FindCustomer(phone.Account) is null)
        {
            return cdr;
        }
        return cdr with { CalleeBilling = 1, Account = phone.Account };
    }

    /// <summary>
    /// The number the payer's rate is looked up for (routing tags stripped): the callee's, or, when the callee
    /// pays, the caller's (the callee pays for where the call comes from).
    /// </summary>
    private static string RatedNumber(Cdr cdr) => NumberChecks.StripTags(cdr.CalleeBilling == 1 ? cdr.CallerE164 : cdr.CalleeE164);

    /// <summary>
    /// Whether the paying phone has noBillingToPhone 1 (on) and the other side is a phone of the switch: then the
    /// call charges nobody. 0 (the system parameter) counts as off: the switch has no such system parameter, and
    /// calls between phones are free anyway when no rate covers them.
    /// </summary>
    private bool IsFreeBetweenPhones(Cdr cdr, BillingOwner? payer)
    {
        if (payer?.Phone is not { } paying || directory.FindPhone(paying) is not { } phone || phone.Additional.NoBillingToPhone != 1)
        {
            return false;
        }
        return cdr.CalleeBilling == 1
            ? cdr.BillingMode == 0 && directory.FindPhone(cdr.CallerE164) is not null
            : rating.FindPlatformPhone(NumberChecks.StripTags(cdr.CalleeE164)) is not null;
    }
}

using Softswitch.Core.Management;

namespace Softswitch.Core.Accounts;

/// <summary>Validation of account fields against 001_… §3.1/§3.2 (enumerations, lengths, references).</summary>
internal static class CustomerRules
{
    public static ServiceResult? CheckChanges(CustomerChanges c) =>
        FieldRules.Length(c.Name, "name")
        ?? FieldRules.Finite(c.Money, "money")
        ?? FieldRules.NonNegative(c.LimitMoney, "limitMoney")
        ?? FieldRules.Length(c.FeeRateGroup, "feeRateGroup")
        ?? FieldRules.OneOf(c.Type, "type", 0, 1, 2)
        ?? FieldRules.OneOf(c.LockType, "lockType", 0, 1)
        ?? FieldRules.Length(c.AgentAccount, "agentAccount")
        ?? FieldRules.Range(c.PhoneBookLimit, "phoneBookLimit", 0, int.MaxValue)
        ?? FieldRules.Range(c.ValidTime, "validTime", 0, long.MaxValue)
        ?? FieldRules.OneOf(c.CtdBillingType, "ctdBillingType", 0, 1)
        ?? FieldRules.Length(c.Memo, "memo")
        ?? CheckAdditional(c.Additional);

    /// <summary>An agent must exist and must not be the account itself or one of its own sub-accounts.</summary>
    public static ServiceResult? CheckAgent(DirectoryState state, string account, string agentAccount)
    {
        if (agentAccount.Length == 0)
        {
            return null;
        }
        for (string? current = agentAccount; !string.IsNullOrEmpty(current);)
        {
            if (current == account)
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, "agentAccount",
                    "Field 'agentAccount' would make the account its own agent.");
            }
            var agent = state.FindCustomer(current);
            if (agent is null)
            {
                return ServiceResult.Fail(ServiceError.NotFound, "agentAccount",
                    $"Agent account '{current}' does not exist (agentAccount).");
            }
            current = agent.AgentAccount;
        }
        return null;
    }

    private static ServiceResult? CheckAdditional(CustomerAdditional? a)
    {
        if (a is null)
        {
            return null;
        }
        const string p = "infoCustomerAdditional.";
        return FieldRules.Range(a.CardType, p + "cardType", 0, 5)
            ?? FieldRules.Range(a.ReportType, p + "reportType", 0, 3)
            ?? FieldRules.Length(a.CardNumber, p + "cardNumber")
            ?? FieldRules.Length(a.Address, p + "address")
            ?? FieldRules.Length(a.PostCode, p + "postCode")
            ?? FieldRules.Length(a.LinkMan, p + "linkMan")
            ?? FieldRules.Length(a.Telephone, p + "telephone")
            ?? FieldRules.Length(a.Fax, p + "fax")
            ?? FieldRules.Length(a.Email, p + "email")
            ?? FieldRules.Length(a.EmailCc, p + "emailCc")
            ?? FieldRules.Length(a.EmailBcc, p + "emailBcc")
            ?? FieldRules.Length(a.CompanyName, p + "companyName")
            ?? FieldRules.Length(a.Bank, p + "bank");
    }
}

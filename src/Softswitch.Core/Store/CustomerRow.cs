using System.Text.Json;
using Softswitch.Core.Accounts;
using Softswitch.Core.Management;

namespace Softswitch.Core.Store;

/// <summary>One row of the customers table, in SQLite's own types; converts to and from <see cref="Customer"/>.</summary>
internal sealed class CustomerRow
{
    public const string Columns =
        "account, name, money, limitMoney, feeRateGroup, type, lockType, agentAccount, phoneBookLimit, canceled, " +
        "startTime, validTime, ctdBillingType, memo, infoCustomerAdditional";

    public const string Parameters =
        "@Account, @Name, @Money, @LimitMoney, @FeeRateGroup, @Type, @LockType, @AgentAccount, @PhoneBookLimit, " +
        "@Canceled, @StartTime, @ValidTime, @CtdBillingType, @Memo, @InfoCustomerAdditional";

    public string Account { get; set; } = "";
    public string Name { get; set; } = "";
    public double Money { get; set; }
    public double LimitMoney { get; set; }
    public string FeeRateGroup { get; set; } = "";
    public long Type { get; set; }
    public long LockType { get; set; }

    /// <summary>NULL rather than "" for "no agent", so the foreign key only checks real references.</summary>
    public string? AgentAccount { get; set; }
    public long PhoneBookLimit { get; set; }
    public long Canceled { get; set; }
    public long StartTime { get; set; }
    public long ValidTime { get; set; }
    public long CtdBillingType { get; set; }
    public string Memo { get; set; } = "";
    public string InfoCustomerAdditional { get; set; } = "{}";

    public static CustomerRow From(Customer c) => new()
    {
        Account = c.Account,
        Name = c.Name,
        Money = c.Money,
        LimitMoney = c.LimitMoney,
        FeeRateGroup = c.FeeRateGroup,
        Type = (long)c.Type,
        LockType = (long)c.LockType,
        AgentAccount = c.AgentAccount.Length == 0 ? null : c.AgentAccount,
        PhoneBookLimit = c.PhoneBookLimit,
        Canceled = c.Canceled ? 1 : 0,
        StartTime = c.StartTime,
        ValidTime = c.ValidTime,
        CtdBillingType = (long)c.CtdBillingType,
        Memo = c.Memo,
        InfoCustomerAdditional = JsonSerializer.Serialize(c.Additional, StoreJson.Options),
    };

    public Customer ToCustomer() => new()
    {
        Account = Account,
        Name = Name,
        Money = Money,
        LimitMoney = LimitMoney,
        FeeRateGroup = FeeRateGroup,
        Type = (CustomerType)Type,
        LockType = (CustomerLockType)LockType,
        AgentAccount = AgentAccount ?? "",
        PhoneBookLimit = (int)PhoneBookLimit,
        Canceled = Canceled != 0,
        StartTime = StartTime,
        ValidTime = ValidTime,
        CtdBillingType = (CtdBillingType)CtdBillingType,
        Memo = Memo,
        Additional = JsonSerializer.Deserialize<CustomerAdditional>(InfoCustomerAdditional, StoreJson.Options)
            ?? CustomerAdditional.Empty,
    };
}

using Softswitch.Core.Accounts;

namespace Softswitch.Api.Endpoints.Customers;

/// <summary>InfoCustomer (001_… §3.4): one account as GetCustomer returns it; every field is present (M).</summary>
public sealed record InfoCustomer
{
    public required string Account { get; init; }
    public required string Name { get; init; }
    public double Money { get; init; }
    public double LimitMoney { get; init; }
    public required string FeeRateGroup { get; init; }
    public int Type { get; init; }
    public int LockType { get; init; }
    public required string AgentAccount { get; init; }
    public int PhoneBookLimit { get; init; }
    public bool Canceled { get; init; }
    public long StartTime { get; init; }
    public long ValidTime { get; init; }

    /// <summary>Billing is not built yet, so today's consumption is 0.</summary>
    public double TodayConsumption { get; init; }
    public int CtdBillingType { get; init; }
    public int Category { get; init; }

    /// <summary>Bound numbers (§3.36) are not built yet, so the list is empty.</summary>
    public IReadOnlyList<string> BindedE164s { get; init; } = [];
    public required string Memo { get; init; }
    public required CustomerAdditional InfoCustomerAdditional { get; init; }

    public static InfoCustomer From(Customer c, CustomerCategory category) => new()
    {
        Account = c.Account,
        Name = c.Name,
        Money = c.Money,
        LimitMoney = c.LimitMoney,
        FeeRateGroup = c.FeeRateGroup,
        Type = (int)c.Type,
        LockType = (int)c.LockType,
        AgentAccount = c.AgentAccount,
        PhoneBookLimit = c.PhoneBookLimit,
        Canceled = c.Canceled,
        StartTime = c.StartTime,
        ValidTime = c.ValidTime,
        CtdBillingType = (int)c.CtdBillingType,
        Category = (int)category,
        Memo = c.Memo,
        InfoCustomerAdditional = c.Additional,
    };
}

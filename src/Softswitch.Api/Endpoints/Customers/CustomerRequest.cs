using Softswitch.Core.Accounts;

namespace Softswitch.Api.Endpoints.Customers;

/// <summary>
/// CreateCustomer (001_… §3.1) and ModifyCustomer (§3.2) bodies: the same fields, except that Modify has no money
/// (the service ignores it there). Null = not given.
/// </summary>
public sealed record CustomerRequest
{
    public string? Account { get; init; }
    public string? Name { get; init; }
    public double? Money { get; init; }
    public double? LimitMoney { get; init; }
    public string? FeeRateGroup { get; init; }

    /// <summary>The spelling the manual uses for phones (§3.6); accepted on accounts too.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("feerateGroup")]
    public string? FeerateGroupAlias { get; init; }
    public int? Type { get; init; }
    public int? LockType { get; init; }
    public string? AgentAccount { get; init; }
    public int? PhoneBookLimit { get; init; }
    public long? ValidTime { get; init; }
    public int? CtdBillingType { get; init; }
    public string? Memo { get; init; }

    /// <summary>InfoCustomerAdditional: Core's bag is used as is, its property names are the manual's.</summary>
    public CustomerAdditional? InfoCustomerAdditional { get; init; }

    public CustomerChanges ToChanges() => new()
    {
        Name = Name,
        Money = Money,
        LimitMoney = LimitMoney,
        FeeRateGroup = FeeRateGroup ?? FeerateGroupAlias,
        Type = Type,
        LockType = LockType,
        AgentAccount = AgentAccount,
        PhoneBookLimit = PhoneBookLimit,
        ValidTime = ValidTime,
        CtdBillingType = CtdBillingType,
        Memo = Memo,
        Additional = InfoCustomerAdditional,
    };
}

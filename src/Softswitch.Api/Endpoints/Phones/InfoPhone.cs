using Softswitch.Core.Phones;

namespace Softswitch.Api.Endpoints.Phones;

/// <summary>
/// InfoPhone (001_… §3.9), which has exactly the fields of the ModifyPhone body (§3.7); so the one record serves
/// as both, and CreatePhone (§3.6) extends it with autoCreateAccount. Null = not given. The nested bags are Core's
/// setting records, whose property names are the manual's.
/// </summary>
public record InfoPhone
{
    public string? E164 { get; init; }
    public string? Password { get; init; }
    public string? DisplayNumber { get; init; }
    public int? LockType { get; init; }
    public int? CallLevel { get; init; }
    public string? FeerateGroup { get; init; }

    /// <summary>The spelling the manual uses for accounts (§3.1); accepted on phones too, never written back.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("feeRateGroup")]
    public string? FeeRateGroupAlias { get; init; }
    public double? MonthlyMoneyMinimum { get; init; }
    public double? MonthlyMoneyMaximum { get; init; }
    public double? MonthlyRentFee { get; init; }
    public string? RewriteRulesOutCallee { get; init; }
    public string? RewriteRulesInCallee { get; init; }
    public string? RewriteRulesInCaller { get; init; }
    public bool? RoutingGatewayGroupsAllow { get; init; }
    public string? RoutingGatewayGroups { get; init; }
    public string? Account { get; init; }
    public string? Equipment { get; init; }
    public bool? CalleeBilling { get; init; }
    public string? CustomerPassword { get; init; }
    public int? LineCallIn { get; init; }
    public int? LineCallOut { get; init; }
    public int? LineCapacity { get; init; }
    public int? PhonebookLimit { get; init; }
    public bool? CallerLimitE164GroupsAllow { get; init; }
    public string? CallerLimitE164Groups { get; init; }
    public bool? CalleeLimitE164Allow { get; init; }
    public string? CalleeLimitE164Groups { get; init; }
    public string? Dids { get; init; }
    public string? Memo { get; init; }
    public PhoneValueAdded? InfoPhoneValueAdded { get; init; }
    public PhoneAdditional? InfoPhoneAdditional { get; init; }

    public static InfoPhone From(Phone p) => new()
    {
        E164 = p.E164,
        Password = p.Password,
        DisplayNumber = p.DisplayNumber,
        LockType = (int)p.LockType,
        CallLevel = p.CallLevel,
        FeerateGroup = p.FeerateGroup,
        MonthlyMoneyMinimum = p.MonthlyMoneyMinimum,
        MonthlyMoneyMaximum = p.MonthlyMoneyMaximum,
        MonthlyRentFee = p.MonthlyRentFee,
        RewriteRulesOutCallee = p.RewriteRulesOutCallee,
        RewriteRulesInCallee = p.RewriteRulesInCallee,
        RewriteRulesInCaller = p.RewriteRulesInCaller,
        RoutingGatewayGroupsAllow = p.RoutingGatewayGroupsAllow,
        RoutingGatewayGroups = p.RoutingGatewayGroups,
        Account = p.Account,
        Equipment = p.Equipment,
        CalleeBilling = p.CalleeBilling,
        CustomerPassword = p.CustomerPassword,
        LineCallIn = p.LineCallIn,
        LineCallOut = p.LineCallOut,
        LineCapacity = p.LineCapacity,
        PhonebookLimit = p.PhonebookLimit,
        CallerLimitE164GroupsAllow = p.CallerLimitE164GroupsAllow,
        CallerLimitE164Groups = p.CallerLimitE164Groups,
        CalleeLimitE164Allow = p.CalleeLimitE164Allow,
        CalleeLimitE164Groups = p.CalleeLimitE164Groups,
        Dids = p.Dids,
        Memo = p.Memo,
        InfoPhoneValueAdded = p.ValueAdded,
        InfoPhoneAdditional = p.Additional,
    };

    public PhoneChanges ToChanges() => new()
    {
        Account = Account,
        Password = Password,
        DisplayNumber = DisplayNumber,
        LockType = LockType,
        CallLevel = CallLevel,
        FeerateGroup = FeerateGroup ?? FeeRateGroupAlias,
        MonthlyMoneyMinimum = MonthlyMoneyMinimum,
        MonthlyMoneyMaximum = MonthlyMoneyMaximum,
        MonthlyRentFee = MonthlyRentFee,
        RewriteRulesOutCallee = RewriteRulesOutCallee,
        RewriteRulesInCallee = RewriteRulesInCallee,
        RewriteRulesInCaller = RewriteRulesInCaller,
        RoutingGatewayGroupsAllow = RoutingGatewayGroupsAllow,
        RoutingGatewayGroups = RoutingGatewayGroups,
        Equipment = Equipment,
        CalleeBilling = CalleeBilling,
        CustomerPassword = CustomerPassword,
        LineCallIn = LineCallIn,
        LineCallOut = LineCallOut,
        LineCapacity = LineCapacity,
        PhonebookLimit = PhonebookLimit,
        CallerLimitE164GroupsAllow = CallerLimitE164GroupsAllow,
        CallerLimitE164Groups = CallerLimitE164Groups,
        CalleeLimitE164Allow = CalleeLimitE164Allow,
        CalleeLimitE164Groups = CalleeLimitE164Groups,
        Dids = Dids,
        Memo = Memo,
        ValueAdded = InfoPhoneValueAdded,
        Additional = InfoPhoneAdditional,
    };
}

using System.Text.Json;
using Softswitch.Core.Management;
using Softswitch.Core.Phones;

namespace Softswitch.Core.Store;

/// <summary>One row of the phones table, in SQLite's own types; converts to and from <see cref="Phone"/>.</summary>
internal sealed class PhoneRow
{
    public const string Columns =
        "e164, account, password, displayNumber, lockType, callLevel, feerateGroup, monthlyMoneyMinimum, " +
        "monthlyMoneyMaximum, monthlyRentFee, rewriteRulesOutCallee, rewriteRulesInCallee, rewriteRulesInCaller, " +
        "routingGatewayGroupsAllow, routingGatewayGroups, equipment, calleeBilling, customerPassword, lineCallIn, " +
        "lineCallOut, lineCapacity, phonebookLimit, callerLimitE164GroupsAllow, callerLimitE164Groups, " +
        "calleeLimitE164Allow, calleeLimitE164Groups, dids, memo, infoPhoneValueAdded, infoPhoneAdditional";

    /// <summary>Dapper names parameters after the properties and SQLite matches them case-sensitively.</summary>
    public static readonly string Parameters =
        string.Join(", ", Columns.Split(", ").Select(c => "@" + ParameterOf(c)));

    public static readonly string Assignments =
        string.Join(", ", Columns.Split(", ").Skip(1).Select(c => $"{c} = @{ParameterOf(c)}"));

    public string E164 { get; set; } = "";
    public string Account { get; set; } = "";
    public string Password { get; set; } = "";
    public string DisplayNumber { get; set; } = "";
    public long LockType { get; set; }
    public long CallLevel { get; set; }
    public string FeerateGroup { get; set; } = "";
    public double MonthlyMoneyMinimum { get; set; }
    public double MonthlyMoneyMaximum { get; set; }
    public double MonthlyRentFee { get; set; }
    public string RewriteRulesOutCallee { get; set; } = "";
    public string RewriteRulesInCallee { get; set; } = "";
    public string RewriteRulesInCaller { get; set; } = "";
    public long RoutingGatewayGroupsAllow { get; set; }
    public string RoutingGatewayGroups { get; set; } = "";
    public string Equipment { get; set; } = "";
    public long CalleeBilling { get; set; }
    public string CustomerPassword { get; set; } = "";
    public long LineCallIn { get; set; }
    public long LineCallOut { get; set; }
    public long LineCapacity { get; set; }
    public long PhonebookLimit { get; set; }
    public long CallerLimitE164GroupsAllow { get; set; }
    public string CallerLimitE164Groups { get; set; } = "";
    public long CalleeLimitE164Allow { get; set; }
    public string CalleeLimitE164Groups { get; set; } = "";
    public string Dids { get; set; } = "";
    public string Memo { get; set; } = "";
    public string InfoPhoneValueAdded { get; set; } = "{}";
    public string InfoPhoneAdditional { get; set; } = "{}";

    private static string ParameterOf(string column) => char.ToUpperInvariant(column[0]) + column[1..];

    public static PhoneRow From(Phone p) => new()
    {
        E164 = p.E164,
        Account = p.Account,
        Password = p.Password,
        DisplayNumber = p.DisplayNumber,
        LockType = (long)p.LockType,
        CallLevel = p.CallLevel,
        FeerateGroup = p.FeerateGroup,
        MonthlyMoneyMinimum = p.MonthlyMoneyMinimum,
        MonthlyMoneyMaximum = p.MonthlyMoneyMaximum,
        MonthlyRentFee = p.MonthlyRentFee,
        RewriteRulesOutCallee = p.RewriteRulesOutCallee,
        RewriteRulesInCallee = p.RewriteRulesInCallee,
        RewriteRulesInCaller = p.RewriteRulesInCaller,
        RoutingGatewayGroupsAllow = p.RoutingGatewayGroupsAllow ? 1 : 0,
        RoutingGatewayGroups = p.RoutingGatewayGroups,
        Equipment = p.Equipment,
        CalleeBilling = p.CalleeBilling ? 1 : 0,
        CustomerPassword = p.CustomerPassword,
        LineCallIn = p.LineCallIn,
        LineCallOut = p.LineCallOut,
        LineCapacity = p.LineCapacity,
        PhonebookLimit = p.PhonebookLimit,
        CallerLimitE164GroupsAllow = p.CallerLimitE164GroupsAllow ? 1 : 0,
        CallerLimitE164Groups = p.CallerLimitE164Groups,
        CalleeLimitE164Allow = p.CalleeLimitE164Allow ? 1 : 0,
        CalleeLimitE164Groups = p.CalleeLimitE164Groups,
        Dids = p.Dids,
        Memo = p.Memo,
        InfoPhoneValueAdded = JsonSerializer.Serialize(p.ValueAdded, StoreJson.Options),
        InfoPhoneAdditional = JsonSerializer.Serialize(p.Additional, StoreJson.Options),
    };

    public Phone ToPhone() => new()
    {
        E164 = E164,
        Account = Account,
        Password = Password,
        DisplayNumber = DisplayNumber,
        LockType = (PhoneLockType)LockType,
        CallLevel = (int)CallLevel,
        FeerateGroup = FeerateGroup,
        MonthlyMoneyMinimum = MonthlyMoneyMinimum,
        MonthlyMoneyMaximum = MonthlyMoneyMaximum,
        MonthlyRentFee = MonthlyRentFee,
        RewriteRulesOutCallee = RewriteRulesOutCallee,
        RewriteRulesInCallee = RewriteRulesInCallee,
        RewriteRulesInCaller = RewriteRulesInCaller,
        RoutingGatewayGroupsAllow = RoutingGatewayGroupsAllow != 0,
        RoutingGatewayGroups = RoutingGatewayGroups,
        Equipment = Equipment,
        CalleeBilling = CalleeBilling != 0,
        CustomerPassword = CustomerPassword,
        LineCallIn = (int)LineCallIn,
        LineCallOut = (int)LineCallOut,
        LineCapacity = (int)LineCapacity,
        PhonebookLimit = (int)PhonebookLimit,
        CallerLimitE164GroupsAllow = CallerLimitE164GroupsAllow != 0,
        CallerLimitE164Groups = CallerLimitE164Groups,
        CalleeLimitE164Allow = CalleeLimitE164Allow != 0,
        CalleeLimitE164Groups = CalleeLimitE164Groups,
        Dids = Dids,
        Memo = Memo,
        ValueAdded = JsonSerializer.Deserialize<PhoneValueAdded>(InfoPhoneValueAdded, StoreJson.Options)
            ?? PhoneValueAdded.Empty,
        Additional = JsonSerializer.Deserialize<PhoneAdditional>(InfoPhoneAdditional, StoreJson.Options)
            ?? PhoneAdditional.Empty,
    };
}

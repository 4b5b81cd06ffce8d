using System.Text.Json.Serialization;

namespace Softswitch.Core.Phones;

/// <summary>
/// A phone (话机), 001_… §3.6 CreatePhone and InfoPhone §3.9: every field the manual defines, named as the manual
/// names it (GetPhone answers this record as is). Immutable: a write swaps the whole record in memory, so the SIP
/// hot path never sees half an update.
/// </summary>
public sealed record Phone
{
    public required string E164 { get; init; }

    /// <summary>Owning account (§3.6 "话机所属账户"); always an existing customer.</summary>
    public required string Account { get; init; }
    public required string Password { get; init; }
    public string DisplayNumber { get; init; } = "";
    public PhoneLockType LockType { get; init; }

    /// <summary>
    /// 权限类型. §3.6 lists 1, 2, 4, 5 while §3.7/§3.9 list 1-4 for the same levels; 1-5 are accepted and stored as
    /// given. Default 4, domestic long distance in the §3.6 numbering.
    /// </summary>
    public int CallLevel { get; init; } = 4;
    public string FeerateGroup { get; init; } = "";
    public double MonthlyMoneyMinimum { get; init; }
    public double MonthlyMoneyMaximum { get; init; }
    public double MonthlyRentFee { get; init; }
    public string RewriteRulesOutCallee { get; init; } = "";
    public string RewriteRulesInCallee { get; init; } = "";
    public string RewriteRulesInCaller { get; init; } = "";
    public bool RoutingGatewayGroupsAllow { get; init; }
    public string RoutingGatewayGroups { get; init; } = "";
    public string Equipment { get; init; } = "";
    public bool CalleeBilling { get; init; }
    public string CustomerPassword { get; init; } = "";

    /// <summary>Line limits; 0 means no limit (the manual gives no default, this project picks "unlimited").</summary>
    public int LineCallIn { get; init; }
    public int LineCallOut { get; init; }
    public int LineCapacity { get; init; }
    public int PhonebookLimit { get; init; }
    public bool CallerLimitE164GroupsAllow { get; init; }
    public string CallerLimitE164Groups { get; init; } = "";
    public bool CalleeLimitE164Allow { get; init; }
    public string CalleeLimitE164Groups { get; init; } = "";

    /// <summary>一机多号: the extra numbers of this phone, comma separated as the manual's String carries them.</summary>
    public string Dids { get; init; } = "";
    public string Memo { get; init; } = "";

    [JsonPropertyName("infoPhoneValueAdded")]
    public PhoneValueAdded ValueAdded { get; init; } = PhoneValueAdded.Empty;

    [JsonPropertyName("infoPhoneAdditional")]
    public PhoneAdditional Additional { get; init; } = PhoneAdditional.Empty;

    /// <summary>The DIDs as a list (the 4.4 PhoneOnline push carries them as String[]); not an InfoPhone field.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> DidList =>
        Dids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using System.Text.Json.Serialization;

namespace Softswitch.Core.Phones;

/// <summary>
/// The writable fields of a phone as a request carries them (001_… §3.6 CreatePhone, §3.7 ModifyPhone); null
/// means "not given". Create applies them over the defaults, Modify over the stored phone; nested bags are merged
/// field by field. Enumerations stay integers so out-of-range values reach validation. The names are the manual's
/// and match <see cref="Phone"/>'s, so the change is applied by name (<c>JsonOverlay</c>). Not sealed: the API's
/// request record adds the phone's e164 to it.
/// </summary>
public record PhoneChanges
{
    public string? Account { get; init; }
    public string? Password { get; init; }
    public string? DisplayNumber { get; init; }
    public int? LockType { get; init; }
    public int? CallLevel { get; init; }
    public string? FeerateGroup { get; init; }
    public double? MonthlyMoneyMinimum { get; init; }
    public double? MonthlyMoneyMaximum { get; init; }
    public double? MonthlyRentFee { get; init; }
    public string? RewriteRulesOutCallee { get; init; }
    public string? RewriteRulesInCallee { get; init; }
    public string? RewriteRulesInCaller { get; init; }
    public bool? RoutingGatewayGroupsAllow { get; init; }
    public string? RoutingGatewayGroups { get; init; }
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

    [JsonPropertyName("infoPhoneValueAdded")]
    public PhoneValueAdded? ValueAdded { get; init; }

    [JsonPropertyName("infoPhoneAdditional")]
    public PhoneAdditional? Additional { get; init; }
}

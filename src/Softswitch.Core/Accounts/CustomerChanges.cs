using System.Text.Json.Serialization;

namespace Softswitch.Core.Accounts;

/// <summary>
/// The writable fields of an account as a request carries them (001_… §3.1 CreateCustomer, §3.2 ModifyCustomer):
/// null means "not given". Create applies them over the defaults, Modify over the stored account. Enumerations
/// stay integers here so an out-of-range value reaches validation instead of being lost in a cast. The names are
/// the manual's and match <see cref="Customer"/>'s, so the change is applied by name (<c>JsonOverlay</c>). Not
/// sealed: the API's request record adds the account to it.
/// </summary>
public record CustomerChanges
{
    public string? Name { get; init; }

    /// <summary>Opening balance; CreateCustomer only (§3.2 has no money: balances change through Pay, §3.22).</summary>
    public double? Money { get; init; }
    public double? LimitMoney { get; init; }
    public string? FeeRateGroup { get; init; }
    public int? Type { get; init; }
    public int? LockType { get; init; }
    public string? AgentAccount { get; init; }
    public int? PhoneBookLimit { get; init; }
    public long? ValidTime { get; init; }
    public int? CtdBillingType { get; init; }
    public string? Memo { get; init; }
    [JsonPropertyName("infoCustomerAdditional")]
    public CustomerAdditional? Additional { get; init; }
}

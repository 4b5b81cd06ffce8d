using System.Text.Json.Serialization;
using Softswitch.Core.Accounts;

namespace Softswitch.Api.Endpoints.Customers;

/// <summary>
/// CreateCustomer (001_… §3.1) and ModifyCustomer (§3.2) bodies: the account plus every field of Core's change
/// record, whose JSON names are the manual's; Modify has no money (the service ignores it there). Null = not given.
/// </summary>
public sealed record CustomerRequest : CustomerChanges
{
    public string? Account { get; init; }

    /// <summary>The spelling the manual uses for phones (§3.6); accepted on accounts too, never written back.</summary>
    [JsonPropertyName("feerateGroup")]
    public string? FeerateGroupAlias { get; init; }

    /// <summary>The change the service applies: the request itself, with the phone spelling folded in.</summary>
    public CustomerChanges Changes() => this with { FeeRateGroup = FeeRateGroup ?? FeerateGroupAlias };
}

using System.Text.Json.Serialization;
using Softswitch.Core.Phones;

namespace Softswitch.Api.Endpoints.Phones;

/// <summary>
/// ModifyPhone body (001_… §3.7), which has exactly the fields of InfoPhone (§3.9): the phone's e164 plus every
/// field of Core's change record, whose JSON names are the manual's; CreatePhone (§3.6) extends it with
/// autoCreateAccount. Null = not given. GetPhone answers Core's <see cref="Phone"/> as is.
/// </summary>
public record PhoneRequest : PhoneChanges
{
    public string? E164 { get; init; }

    /// <summary>The spelling the manual uses for accounts (§3.1); accepted on phones too, never written back.</summary>
    [JsonPropertyName("feeRateGroup")]
    public string? FeeRateGroupAlias { get; init; }

    /// <summary>The change the service applies: the request itself, with the account spelling folded in.</summary>
    public PhoneChanges Changes() => this with { FeerateGroup = FeerateGroup ?? FeeRateGroupAlias };
}

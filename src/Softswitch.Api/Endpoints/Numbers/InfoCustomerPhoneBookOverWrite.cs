using System.Text.Json.Serialization;
using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>InfoCustomerPhoneBookOverWrite (001_… §3.53): find the entry to replace by number or by short number.</summary>
public sealed record InfoCustomerPhoneBookOverWrite
{
    [JsonConverter(typeof(NumberTextConverter))]
    public string? E164 { get; init; }

    [JsonConverter(typeof(NumberTextConverter))]
    public string? ShortE164 { get; init; }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Softswitch.Core.Gateways;

namespace Softswitch.Core.Management;

/// <summary>
/// JSON shape of the nested setting bags (InfoCustomerAdditional, InfoPhoneValueAdded, InfoPhoneAdditional) as the
/// store keeps them: the manual's camelCase names, unset (null) fields left out so "not set" survives a round trip;
/// gateways keep their kind's field order (<see cref="GatewayJsonOrder"/>).
/// </summary>
public static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { GatewayJsonOrder.Modifier } },
    };
}

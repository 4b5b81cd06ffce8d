using System.Text.Json;
using Softswitch.Core.Gateways;
using Softswitch.Core.Management;

namespace Softswitch.Tests.Core.Gateways;

/// <summary>
/// <see cref="GatewayJsonOrder"/> lists every field of its kind exactly once, so a field added to a gateway record
/// (or to <see cref="Gateway"/>) cannot fall silently to the end of the answers.
/// </summary>
public sealed class GatewayJsonOrderTests
{
    [Test]
    public void MappingOrderListsExactlyTheFieldsOfAMappingGateway() =>
        Assert.That(Fields(new MappingGateway { Name = "g" }), Is.EqualTo(GatewayJsonOrder.Mapping));

    [Test]
    public void RoutingOrderListsExactlyTheFieldsOfARoutingGateway() =>
        Assert.That(Fields(new RoutingGateway { Name = "g" }), Is.EqualTo(GatewayJsonOrder.Routing));

    [Test]
    public void ChangeRecordsFollowTheirKindsOrder()
    {
        Assert.That(Fields(AllGiven<MappingGatewayChanges>()), Is.EqualTo(GatewayJsonOrder.Mapping.Where(n => n != "name")));
        Assert.That(Fields(AllGiven<RoutingGatewayChanges>()), Is.EqualTo(GatewayJsonOrder.Routing.Where(n => n != "name")));
    }

    [Test]
    public void EachListNamesAFieldOnce()
    {
        Assert.That(GatewayJsonOrder.Mapping, Is.Unique);
        Assert.That(GatewayJsonOrder.Routing, Is.Unique);
    }

    private static string[] Fields<T>(T value) =>
        JsonSerializer.SerializeToElement(value, StoreJson.Options).EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>A change record with every property given (StoreJson leaves nulls out), from a JSON object naming them all.</summary>
    private static T AllGiven<T>()
    {
        var names = typeof(T).GetProperties().Where(p => p.CanWrite && p.Name != "EqualityContract");
        var json = "{" + string.Join(",", names.Select(p => $"\"{JsonNamingPolicy.CamelCase.ConvertName(p.Name)}\":{Sample(p.PropertyType)}")) + "}";
        return JsonSerializer.Deserialize<T>(json, StoreJson.Options)!;
    }

    private static string Sample(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? "\"x\""
            : type == typeof(bool) ? "true"
            : type.IsGenericType ? "[]"
            : "1";
    }
}

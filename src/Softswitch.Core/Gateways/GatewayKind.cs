namespace Softswitch.Core.Gateways;

/// <summary>Which of the two gateway tables a name belongs to (mapping 对接 and routing 落地 names may repeat).</summary>
public enum GatewayKind
{
    Mapping = 0,
    Routing = 1,
}

namespace Softswitch.Core.Gateways;

/// <summary>
/// A gateway as the live statistics key it: by table and row id, so counters survive renames and the rebuilds of
/// the routing index, and a deleted then re-created gateway (a new id) starts from zero.
/// </summary>
internal readonly record struct GatewayKey(GatewayKind Kind, long Id);

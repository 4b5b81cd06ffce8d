namespace Softswitch.Core.Routing;

/// <summary>
/// One prefix of the routing index that matched a callee (see <see cref="RoutingIndex.Match"/>): its length and the
/// trie node that holds its gateways. Unmanaged, so a caller can keep matches in stack memory.
/// </summary>
public readonly record struct RoutePrefixMatch(int PrefixLength, int Node);

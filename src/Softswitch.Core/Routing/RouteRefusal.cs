using Softswitch.Core.Calls;

namespace Softswitch.Core.Routing;

/// <summary>
/// A call the router refuses: the end reason (its SIP status and direction are in <see cref="EndReasons"/>) and a
/// sentence for the log naming the rule and the value that failed ("callee 'abc' has a letter at position 1").
/// </summary>
public sealed record RouteRefusal(EndReason Reason, string Detail);

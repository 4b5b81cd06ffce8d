namespace Softswitch.Core.Numbers;

/// <summary>
/// A number-conversion row (号码变换表, 001_… §3.79, §3.45 InfoE164Convert), used when a gateway has
/// groupE164Change on: a call arriving on a mapping gateway with caller <see cref="MappingGatewayCallerE164"/> is
/// treated as coming from the platform number <see cref="E164"/>, and a call from <see cref="E164"/> leaves through a
/// routing gateway as <see cref="RoutingGatewayCalleeE164"/>. The account is the current owner of <see cref="E164"/>.
/// </summary>
public sealed record E164Convert(long Id, string E164, string MappingGatewayCallerE164, string RoutingGatewayCalleeE164, string Memo);

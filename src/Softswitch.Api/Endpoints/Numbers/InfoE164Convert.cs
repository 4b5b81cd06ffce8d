using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>InfoE164Convert (001_… §3.45); account is the current owner of e164.</summary>
public sealed record InfoE164Convert(long Id, string Account, string E164, string MappingGatewayCallerE164,
    string RoutingGatewayCalleeE164, string Memo)
{
    public static InfoE164Convert From(E164Convert c, string account) =>
        new(c.Id, account, c.E164, c.MappingGatewayCallerE164, c.RoutingGatewayCalleeE164, c.Memo);
}

using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetSuiteOrder answer (001_… §3.29).</summary>
public sealed record GetSuiteOrderResponse : VosResponse
{
    public IReadOnlyList<InfoSuiteOrder> InfoSuiteOrders { get; init; } = [];
}

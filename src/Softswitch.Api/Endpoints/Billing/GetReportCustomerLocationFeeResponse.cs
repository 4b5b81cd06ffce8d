using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetReportCustomerLocationFee answer (001_… §3.50).</summary>
public sealed record GetReportCustomerLocationFeeResponse : VosResponse
{
    public IReadOnlyList<InfoReportCustomerLocationFee> InfoReportCustomerLocationFees { get; init; } = [];
}

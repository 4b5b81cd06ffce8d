using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetReportCustomerFee answer (001_… §3.48).</summary>
public sealed record GetReportCustomerFeeResponse : VosResponse
{
    public IReadOnlyList<InfoReportCustomerFee> InfoReportCustomerFees { get; init; } = [];
}

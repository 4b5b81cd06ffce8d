namespace Softswitch.Api.Vos;

/// <summary>GetReportCustomerFee answer (001_… §3.48).</summary>
public sealed record GetReportCustomerFeeResponse : VosResponse
{
    public IReadOnlyList<InfoReportCustomerFee> InfoReportCustomerFees { get; init; } = [];
}

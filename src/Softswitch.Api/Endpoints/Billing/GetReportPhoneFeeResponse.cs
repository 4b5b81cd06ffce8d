using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetReportPhoneFee answer (001_… §3.49).</summary>
public sealed record GetReportPhoneFeeResponse : VosResponse
{
    public IReadOnlyList<InfoReportPhoneFee> InfoReportPhoneFees { get; init; } = [];
}

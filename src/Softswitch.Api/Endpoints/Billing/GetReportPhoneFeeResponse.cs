namespace Softswitch.Api.Vos;

/// <summary>GetReportPhoneFee answer (001_… §3.49).</summary>
public sealed record GetReportPhoneFeeResponse : VosResponse
{
    public IReadOnlyList<InfoReportPhoneFee> InfoReportPhoneFees { get; init; } = [];
}

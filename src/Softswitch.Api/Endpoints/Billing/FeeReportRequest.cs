namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetReportCustomerFee (001_… §3.48: accounts), GetReportPhoneFee (§3.49: account, e164s) and GetReportCustomerLocationFee (§3.50: account, areaCode) bodies.</summary>
public sealed record FeeReportRequest
{
    public IReadOnlyList<string>? Accounts { get; init; }
    public string? Account { get; init; }
    public IReadOnlyList<string>? E164s { get; init; }
    public string? AreaCode { get; init; }
    public int? Period { get; init; }
    public string? BeginTime { get; init; }
    public string? EndTime { get; init; }
}

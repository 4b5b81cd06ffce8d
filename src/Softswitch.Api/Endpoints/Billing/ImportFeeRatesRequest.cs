namespace Softswitch.Api.Endpoints.Billing;

/// <summary>ImportFeeRates body (project extension, docs/billing.md "CSV import"): the CSV text in JSON; replace=true replaces the group's whole table.</summary>
public sealed record ImportFeeRatesRequest
{
    public string? FeeRateGroup { get; init; }
    public string? Csv { get; init; }
    public bool? Replace { get; init; }
}

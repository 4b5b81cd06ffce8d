using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>ImportFeeRates answer: how many rates were written.</summary>
public sealed record ImportFeeRatesResponse : VosResponse
{
    public int Count { get; init; }
}

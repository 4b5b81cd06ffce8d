namespace Softswitch.Api.Vos;

/// <summary>ImportFeeRates answer: how many rates were written.</summary>
public sealed record ImportFeeRatesResponse : VosResponse
{
    public int Count { get; init; }
}

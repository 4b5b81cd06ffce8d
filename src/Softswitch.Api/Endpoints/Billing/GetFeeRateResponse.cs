using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetFeeRate answer (001_… §3.44).</summary>
public sealed record GetFeeRateResponse : VosResponse
{
    public IReadOnlyList<InfoFeeRate> InfoFeeRates { get; init; } = [];
}

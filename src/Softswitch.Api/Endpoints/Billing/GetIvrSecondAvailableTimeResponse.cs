using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetIvrSecondAvailableTime answer (001_… §3.63).</summary>
public sealed record GetIvrSecondAvailableTimeResponse : VosResponse
{
    public InfoAvailableTime? InfoIvrSecondAvailableTime { get; init; }
}

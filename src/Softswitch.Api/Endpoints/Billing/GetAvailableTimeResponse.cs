using System.Text.Json.Serialization;
using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetAvailableTime answer (001_… §3.62): the manual spells the object InfoAvailableTime, capital I.</summary>
public sealed record GetAvailableTimeResponse : VosResponse
{
    [JsonPropertyName("InfoAvailableTime")]
    public InfoAvailableTime? InfoAvailableTime { get; init; }
}

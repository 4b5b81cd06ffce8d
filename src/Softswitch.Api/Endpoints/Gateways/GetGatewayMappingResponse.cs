using System.Text.Json;
using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>
/// GetGatewayMapping answer (001_… §3.13). Each InfoGatewayMapping is Core's gateway record as is (its names are
/// the manual's) plus accountName, so it is carried as a JSON object rather than a second 110-field record.
/// </summary>
public sealed record GetGatewayMappingResponse : VosResponse
{
    public IReadOnlyList<JsonElement> InfoGatewayMappings { get; init; } = [];
}

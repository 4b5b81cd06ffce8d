namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetAvailableTime body (001_… §3.62).</summary>
public sealed record GetAvailableTimeRequest
{
    public string? BillingName { get; init; }
    public int? BillingMode { get; init; }
    public string? CalleeE164 { get; init; }
    public int? CalleeEndpointType { get; init; }
    public string? RoutingGateway { get; init; }
    public string? CalleeToGatewayE164 { get; init; }
}

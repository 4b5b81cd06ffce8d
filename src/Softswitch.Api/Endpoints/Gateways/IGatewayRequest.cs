namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>A Create/Modify body of either gateway kind: the gateway's name beside its change record's fields.</summary>
public interface IGatewayRequest
{
    string? Name { get; }
}

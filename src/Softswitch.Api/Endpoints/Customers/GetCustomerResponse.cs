using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Customers;

/// <summary>GetCustomer answer (001_… §3.4).</summary>
public sealed record GetCustomerResponse : VosResponse
{
    public IReadOnlyList<InfoCustomer> InfoCustomers { get; init; } = [];
}

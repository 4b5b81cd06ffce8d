using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Customers;

/// <summary>GetAllCustomers answer (001_… §3.65): one of the two lists, as the request's type asks.</summary>
public sealed record GetAllCustomersResponse : VosResponse
{
    public IReadOnlyList<string>? Accounts { get; init; }
    public IReadOnlyList<InfoCustomerBrief>? InfoCustomerBriefs { get; init; }
}

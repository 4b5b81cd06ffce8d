namespace Softswitch.Api.Endpoints.Customers;

/// <summary>
/// GetAllCustomers body (001_… §3.65; §3.5 lists the same interface with an unused "Key"): type 0 or absent answers
/// accounts, 1 answers infoCustomerBriefs.
/// </summary>
public sealed record GetAllCustomersRequest
{
    public int? Type { get; init; }
}

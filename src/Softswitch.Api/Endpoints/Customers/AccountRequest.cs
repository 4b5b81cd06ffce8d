namespace Softswitch.Api.Endpoints.Customers;

/// <summary>DeleteCustomer body (001_… §3.3).</summary>
public sealed record AccountRequest
{
    public string? Account { get; init; }
}

namespace Softswitch.Api.Endpoints.Customers;

/// <summary>GetCustomer body (001_… §3.4): at least one of accounts, e164s, filterAgentAccount.</summary>
public sealed record GetCustomerRequest
{
    public IReadOnlyList<string>? Accounts { get; init; }
    public IReadOnlyList<string>? E164s { get; init; }
    public FilterAgentAccount? FilterAgentAccount { get; init; }
    public int? Type { get; init; }
}

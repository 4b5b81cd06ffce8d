using Softswitch.Core.Accounts;

namespace Softswitch.Core.Store;

/// <summary>
/// Durable storage of accounts. Only the Core services call it, after validation; memory is updated only once a
/// call has returned, so a failed write leaves both unchanged. SQLite today, PostgreSQL later (docs/architecture.md).
/// </summary>
public interface ICustomerStore
{
    Task<IReadOnlyList<Customer>> LoadCustomersAsync(CancellationToken cancellationToken = default);

    Task InsertCustomerAsync(Customer customer, CancellationToken cancellationToken = default);

    Task UpdateCustomerAsync(Customer customer, CancellationToken cancellationToken = default);

    /// <summary>Returns false if no such account was stored.</summary>
    Task<bool> DeleteCustomerAsync(string account, CancellationToken cancellationToken = default);
}

using Softswitch.Core.Accounts;
using Softswitch.Core.Phones;

namespace Softswitch.Core.Store;

/// <summary>Durable storage of phones; see <see cref="ICustomerStore"/> for the write discipline.</summary>
public interface IPhoneStore
{
    Task<IReadOnlyList<Phone>> LoadPhonesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts a phone; when <paramref name="newAccount"/> is given it is inserted first in the same transaction
    /// (CreatePhone autoCreateAccount, 001_… §3.6), so a failure never leaves an orphan account behind.
    /// </summary>
    Task InsertPhoneAsync(Phone phone, Customer? newAccount, CancellationToken cancellationToken = default);

    Task UpdatePhoneAsync(Phone phone, CancellationToken cancellationToken = default);

    /// <summary>Returns false if no such phone was stored.</summary>
    Task<bool> DeletePhoneAsync(string e164, CancellationToken cancellationToken = default);
}

using Softswitch.Core.Numbers;

namespace Softswitch.Core.Store;

/// <summary>
/// Durable storage of the number area; see <see cref="ICustomerStore"/> for the write discipline. Every list write
/// is one transaction, so a request that changes several rows applies all of them or none.
/// </summary>
public interface INumberStore
{
    Task<IReadOnlyList<LimitE164Group>> LoadLimitE164GroupsAsync(CancellationToken cancellationToken = default);

    Task InsertLimitE164GroupAsync(LimitE164Group group, CancellationToken cancellationToken = default);

    Task UpdateLimitE164GroupAsync(LimitE164Group group, CancellationToken cancellationToken = default);

    /// <summary>Deletes the group and, with it, its numbers.</summary>
    Task DeleteLimitE164GroupAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LimitE164>> LoadLimitE164sAsync(CancellationToken cancellationToken = default);

    Task InsertLimitE164sAsync(IReadOnlyList<LimitE164> numbers, CancellationToken cancellationToken = default);

    Task DeleteLimitE164sAsync(string group, IReadOnlyList<string> e164s, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<E164Convert>> LoadE164ConvertsAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts the row (its Id is ignored) and returns the id given to it.</summary>
    Task<long> InsertE164ConvertAsync(E164Convert convert, CancellationToken cancellationToken = default);

    Task UpdateE164ConvertAsync(E164Convert convert, CancellationToken cancellationToken = default);

    Task DeleteE164ConvertAsync(long id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MobileArea>> LoadMobileAreasAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or overwrites by mobilePrefix (001_… §3.90).</summary>
    Task UpsertMobileAreasAsync(IReadOnlyList<MobileArea> areas, CancellationToken cancellationToken = default);

    Task DeleteMobileAreasAsync(IReadOnlyList<string> mobilePrefixes, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CustomerPhoneBookEntry>> LoadPhoneBookAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="entry"/>, first removing the account's entry <paramref name="replacedE164"/> if given.</summary>
    Task SavePhoneBookEntryAsync(CustomerPhoneBookEntry entry, string? replacedE164, CancellationToken cancellationToken = default);

    Task DeletePhoneBookEntriesAsync(string account, IReadOnlyList<string> e164s, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BindedE164>> LoadBindedE164sAsync(CancellationToken cancellationToken = default);

    Task InsertBindedE164Async(BindedE164 binded, CancellationToken cancellationToken = default);

    Task UpdateBindedE164Async(BindedE164 binded, CancellationToken cancellationToken = default);

    Task DeleteBindedE164Async(string e164, CancellationToken cancellationToken = default);
}

using Softswitch.Core.Billing;

namespace Softswitch.Core.Store;

/// <summary>
/// Durable storage of the billing area; see <see cref="ICustomerStore"/> for the write discipline (the service
/// validates, the store writes, memory follows). Every list write is one transaction.
/// </summary>
public interface IBillingStore
{
    Task<IReadOnlyList<FeeRateGroup>> LoadFeeRateGroupsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FeeRate>> LoadFeeRatesAsync(CancellationToken cancellationToken = default);

    Task InsertFeeRateGroupAsync(FeeRateGroup group, CancellationToken cancellationToken = default);

    Task UpdateFeeRateGroupAsync(FeeRateGroup group, CancellationToken cancellationToken = default);

    /// <summary>Deletes the group and its rates.</summary>
    Task DeleteFeeRateGroupAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces by (group, feePrefix); with <paramref name="replaceGroup"/>, first removes every rate of that group.</summary>
    Task UpsertFeeRatesAsync(IReadOnlyList<FeeRate> rates, string? replaceGroup, CancellationToken cancellationToken = default);

    Task DeleteFeeRatesAsync(string group, IReadOnlyList<string> feePrefixes, CancellationToken cancellationToken = default);

    /// <summary>Writes the new balance and every record of <paramref name="change"/> in one transaction.</summary>
    Task<MoneyChangeIds> ApplyMoneyChangeAsync(MoneyChange change, CancellationToken cancellationToken = default);

    /// <summary>Payments of the accounts with payTime in [from, to), oldest first.</summary>
    Task<IReadOnlyList<PayRecord>> QueryPayHistoryAsync(IReadOnlyList<string> accounts, long from, long to,
        CancellationToken cancellationToken = default);

    /// <summary>Consumption of the accounts with time in [from, to), oldest first.</summary>
    Task<IReadOnlyList<ConsumptionRecord>> QueryConsumptionsAsync(IReadOnlyList<string> accounts, long from, long to,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Suite>> LoadSuitesAsync(CancellationToken cancellationToken = default);

    Task<long> InsertSuiteAsync(Suite suite, CancellationToken cancellationToken = default);

    /// <summary>Deletes the suite with its orders and suites in force (DeleteSuite force=1 only reaches here then).</summary>
    Task DeleteSuiteAsync(long id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SuiteOrder>> LoadSuiteOrdersAsync(CancellationToken cancellationToken = default);

    Task<long> InsertSuiteOrderAsync(SuiteOrder order, CancellationToken cancellationToken = default);

    Task UpdateSuiteOrderAsync(SuiteOrder order, CancellationToken cancellationToken = default);

    Task DeleteSuiteOrderAsync(long id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CurrentSuite>> LoadCurrentSuitesAsync(CancellationToken cancellationToken = default);

    Task DeleteCurrentSuiteAsync(long id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ActivePhoneCard>> LoadActivePhoneCardsAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces by pin.</summary>
    Task SaveActivePhoneCardAsync(ActivePhoneCard card, CancellationToken cancellationToken = default);

    Task DeleteActivePhoneCardAsync(string pin, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PhoneCard>> LoadPhoneCardsAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces by pin.</summary>
    Task SavePhoneCardAsync(PhoneCard card, CancellationToken cancellationToken = default);
}

using Dapper;
using Softswitch.Core.Billing;

namespace Softswitch.Core.Store;

/// <summary>Suites, suite orders and suites in force (001_… §3.23-§3.31).</summary>
public sealed partial class SqliteBillingStore
{
    private const string CurrentSuiteInsertSql =
        "INSERT INTO current_suites (ownerName, ownerType, suiteOrderId, suite, expireTime, currentConsumption) " +
        "VALUES (@OwnerName, @OwnerType, @SuiteOrderId, @Suite, @ExpireTime, @CurrentConsumption) RETURNING id;";

    private const string OrderColumns =
        "ownerName, ownerType, suiteId, availableTime, expireTime, priority, failedProcessMode, rentPercent, memo";

    public async Task<IReadOnlyList<Suite>> LoadSuitesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<SuiteRow>(
            "SELECT id, name, rentPeriod, rentType, nonholonomicOrder, rentFee, minConsumption, lowerConsumption, " +
            "giftMoney, infoGiftTimes, memo FROM suites;", null, cancellationToken);
        return rows.Select(r => r.ToSuite()).ToArray();
    }

    public Task<long> InsertSuiteAsync(Suite suite, CancellationToken cancellationToken = default) =>
        InsertReturningIdAsync(
            "INSERT INTO suites (name, rentPeriod, rentType, nonholonomicOrder, rentFee, minConsumption, lowerConsumption, " +
            "giftMoney, infoGiftTimes, memo) VALUES (@Name, @RentPeriod, @RentType, @NonholonomicOrder, @RentFee, " +
            "@MinConsumption, @LowerConsumption, @GiftMoney, @InfoGiftTimes, @Memo) RETURNING id;",
            SuiteRow.From(suite), cancellationToken);

    public async Task DeleteSuiteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(
            "DELETE FROM current_suites WHERE suiteOrderId IN (SELECT id FROM suite_orders WHERE suiteId = @id) " +
            "OR json_extract(suite, '$.id') = @id;", new { id }, transaction);
        await connection.ExecuteAsync("DELETE FROM suite_orders WHERE suiteId = @id;", new { id }, transaction);
        await connection.ExecuteAsync("DELETE FROM suites WHERE id = @id;", new { id }, transaction);
        transaction.Commit();
    }

    public async Task<IReadOnlyList<SuiteOrder>> LoadSuiteOrdersAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<OrderRow>($"SELECT id, {OrderColumns} FROM suite_orders;", null, cancellationToken);
        return rows.Select(r => r.ToOrder()).ToArray();
    }

    public Task<long> InsertSuiteOrderAsync(SuiteOrder order, CancellationToken cancellationToken = default) =>
        InsertReturningIdAsync(
            $"INSERT INTO suite_orders ({OrderColumns}) VALUES (@OwnerName, @OwnerType, @SuiteId, @AvailableTime, " +
            "@ExpireTime, @Priority, @FailedProcessMode, @RentPercent, @Memo) RETURNING id;",
            OrderRow.From(order), cancellationToken);

    public Task UpdateSuiteOrderAsync(SuiteOrder order, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE suite_orders SET expireTime = @ExpireTime, priority = @Priority, failedProcessMode = " +
            "@FailedProcessMode, rentPercent = @RentPercent, memo = @Memo WHERE id = @Id;", [OrderRow.From(order)], cancellationToken);

    public Task DeleteSuiteOrderAsync(long id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM suite_orders WHERE id = @id;", [new { id }], cancellationToken);

    public async Task<IReadOnlyList<CurrentSuite>> LoadCurrentSuitesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<CurrentSuiteRow>(
            "SELECT id, ownerName, ownerType, suiteOrderId, suite, expireTime, currentConsumption FROM current_suites;",
            null, cancellationToken);
        return rows.Select(r => r.ToCurrentSuite()).ToArray();
    }

    public Task DeleteCurrentSuiteAsync(long id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM current_suites WHERE id = @id;", [new { id }], cancellationToken);

    private sealed class SuiteRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public long RentPeriod { get; set; }
        public long RentType { get; set; }
        public bool NonholonomicOrder { get; set; }
        public double RentFee { get; set; }
        public double MinConsumption { get; set; }
        public double LowerConsumption { get; set; }
        public double GiftMoney { get; set; }
        public string InfoGiftTimes { get; set; } = "[]";
        public string Memo { get; set; } = "";

        public static SuiteRow From(Suite s) => new()
        {
            Id = s.Id, Name = s.Name, RentPeriod = s.RentPeriod, RentType = (int)s.RentType,
            NonholonomicOrder = s.NonholonomicOrder, RentFee = Money.ToDouble(s.RentFee),
            MinConsumption = Money.ToDouble(s.MinConsumption), LowerConsumption = Money.ToDouble(s.LowerConsumption),
            GiftMoney = Money.ToDouble(s.GiftMoney), InfoGiftTimes = Json(s.GiftTimes), Memo = s.Memo,
        };

        public Suite ToSuite() => new()
        {
            Id = Id, Name = Name, RentPeriod = (int)RentPeriod, RentType = (SuiteRentType)RentType,
            NonholonomicOrder = NonholonomicOrder, RentFee = Money.From(RentFee), MinConsumption = Money.From(MinConsumption),
            LowerConsumption = Money.From(LowerConsumption), GiftMoney = Money.From(GiftMoney),
            GiftTimes = FromJson<GiftTime[]>(InfoGiftTimes, []), Memo = Memo,
        };
    }

    private sealed class OrderRow
    {
        public long Id { get; set; }
        public string OwnerName { get; set; } = "";
        public long OwnerType { get; set; }
        public long SuiteId { get; set; }
        public long AvailableTime { get; set; }
        public long ExpireTime { get; set; }
        public long Priority { get; set; }
        public long FailedProcessMode { get; set; }
        public double RentPercent { get; set; }
        public string Memo { get; set; } = "";

        public static OrderRow From(SuiteOrder o) => new()
        {
            Id = o.Id, OwnerName = o.OwnerName, OwnerType = (int)o.OwnerType, SuiteId = o.SuiteId,
            AvailableTime = o.AvailableTime, ExpireTime = o.ExpireTime, Priority = o.Priority,
            FailedProcessMode = o.FailedProcessMode, RentPercent = Money.ToDouble(o.RentPercent), Memo = o.Memo,
        };

        public SuiteOrder ToOrder() => new()
        {
            Id = Id, OwnerName = OwnerName, OwnerType = (SuiteOwnerType)OwnerType, SuiteId = SuiteId,
            AvailableTime = AvailableTime, ExpireTime = ExpireTime, Priority = (int)Priority,
            FailedProcessMode = (int)FailedProcessMode, RentPercent = Money.From(RentPercent), Memo = Memo,
        };
    }

    /// <summary>current_suites row; the suite's terms at activation are a JSON snapshot.</summary>
    private sealed class CurrentSuiteRow
    {
        public long Id { get; set; }
        public string OwnerName { get; set; } = "";
        public long OwnerType { get; set; }
        public long SuiteOrderId { get; set; }
        public string Suite { get; set; } = "{}";
        public long ExpireTime { get; set; }
        public double CurrentConsumption { get; set; }

        public static CurrentSuiteRow From(CurrentSuite c) => new()
        {
            Id = c.Id, OwnerName = c.OwnerName, OwnerType = (int)c.OwnerType, SuiteOrderId = c.SuiteOrderId,
            Suite = Json(c.Suite), ExpireTime = c.ExpireTime, CurrentConsumption = Money.ToDouble(c.CurrentConsumption),
        };

        public CurrentSuite ToCurrentSuite() => new()
        {
            Id = Id, OwnerName = OwnerName, OwnerType = (SuiteOwnerType)OwnerType, SuiteOrderId = SuiteOrderId,
            Suite = FromJson<Suite?>(Suite, null) ?? new Suite { Name = "" }, ExpireTime = ExpireTime,
            CurrentConsumption = Money.From(CurrentConsumption),
        };
    }
}

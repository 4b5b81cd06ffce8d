using Softswitch.Core.Accounts;
using Softswitch.Core.Management;

namespace Softswitch.Core.Billing;

/// <summary>
/// Suite orders (CreateSuiteOrder §3.26, ModifySuiteOrder §3.27, DeleteSuiteOrder §3.28, GetSuiteOrder §3.29) and
/// their activation: an order whose availableTime is 0 ("立即生效") or already past, and every order of a one-time
/// suite ("一旦创建订单即转换为生效套餐，订单自动删除"), takes effect when created: the rent is debited and the suite
/// in force written in one transaction (<see cref="CustomerService.ChangeMoneyAsync"/>). Renewal at period ends is
/// the rent scheduler's (not built yet, docs/billing.md).
/// </summary>
public sealed class SuiteOrderService
{
    /// <summary>InfoConsumption.type of a suite rent (§3.64).</summary>
    public const int ConsumptionSuiteRent = 0;

    private readonly DirectoryState _directory;
    private readonly BillingState _billing;
    private readonly CustomerService _customers;
    private readonly TimeProvider _time;

    public SuiteOrderService(DirectoryState directory, BillingState billing, CustomerService customers, TimeProvider time)
    {
        _directory = directory;
        _billing = billing;
        _customers = customers;
        _time = time;
    }

    /// <summary>CreateSuiteOrder (§3.26): answers the order's id (also when it was consumed by a one-time suite).</summary>
    public async Task<ServiceResult<long>> CreateAsync(SuiteOrderInput input, CancellationToken cancellationToken = default)
    {
        var invalid = SuiteService.CheckOwner(input.OwnerName, input.OwnerType)
            ?? SuiteRules.Present(input.SuiteId, "suiteId") ?? SuiteRules.Present(input.AvailableTime, "availableTime")
            ?? FieldRules.Range(input.AvailableTime, "availableTime", 0, long.MaxValue - 1)
            ?? SuiteRules.OrderOptions(input);
        if (invalid is not null)
        {
            return invalid.As<long>();
        }
        var now = _time.GetUtcNow();
        long available = input.AvailableTime!.Value;
        if (available == 0)
        {
            available = BillingDates.Local(now.ToOffset(_time.LocalTimeZone.GetUtcOffset(now)).Date, _time).ToUnixTimeMilliseconds();
        }
        else if (!IsLocalMidnight(available))
        {
            return NotMidnight("availableTime").As<long>();
        }
        SuiteOrder order;
        Suite suite;
        using (await EnterAsync(cancellationToken))
        {
            if (AccountOf(input.OwnerName!, (SuiteOwnerType)input.OwnerType!.Value) is null)
            {
                return OwnerNotFound(input.OwnerName!).As<long>();
            }
            if (_billing.FindSuite(input.SuiteId!.Value) is not { } found)
            {
                return SuiteService.SuiteNotFound(input.SuiteId.Value, "suiteId").As<long>();
            }
            suite = found;
            // §3.26: a one-time suite without expireTime expires rentPeriod seconds after availableTime.
            long expire = input.ExpireTime ?? (suite.RentType == SuiteRentType.Once
                ? SaturatingAdd(available, suite.RentPeriod * 1000L) : SuiteOrder.NoExpiry);
            if (expire <= available)
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, "expireTime", "Field 'expireTime' must be after 'availableTime'.").As<long>();
            }
            order = new SuiteOrder
            {
                OwnerName = input.OwnerName!, OwnerType = (SuiteOwnerType)input.OwnerType.Value, SuiteId = suite.Id,
                AvailableTime = available, ExpireTime = expire, Priority = input.Priority ?? SuiteOrder.NoPriority,
                FailedProcessMode = input.FailedProcessMode ?? 0, RentPercent = Money.Round(input.RentPercent ?? 100m),
                Memo = input.Memo ?? "",
            };
            order = order with { Id = await _billing.Store.InsertSuiteOrderAsync(order, cancellationToken) };
            _billing.PutSuiteOrder(order);
        }
        if (suite.RentType == SuiteRentType.Once || available <= now.ToUnixTimeMilliseconds())
        {
            await ActivateAsync(order, suite, cancellationToken);
        }
        return ServiceResult<long>.Success(order.Id);
    }

    /// <summary>ModifySuiteOrder (§3.27): the given fields change; expireTime must be a local midnight or unlimited.</summary>
    public async Task<ServiceResult> ModifyAsync(SuiteOrderInput input, CancellationToken cancellationToken = default)
    {
        var invalid = SuiteRules.Present(input.Id, "id") ?? SuiteRules.OrderOptions(input)
            ?? (input.ExpireTime is { } e && e != SuiteOrder.NoExpiry && !IsLocalMidnight(e) ? NotMidnight("expireTime") : null);
        if (invalid is not null)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindSuiteOrder(input.Id!.Value) is not { } existing)
            {
                return OrderNotFound(input.Id.Value);
            }
            var order = existing with
            {
                ExpireTime = input.ExpireTime ?? existing.ExpireTime, Priority = input.Priority ?? existing.Priority,
                FailedProcessMode = input.FailedProcessMode ?? existing.FailedProcessMode,
                RentPercent = input.RentPercent is { } p ? Money.Round(p) : existing.RentPercent, Memo = input.Memo ?? existing.Memo,
            };
            if (order.ExpireTime <= order.AvailableTime)
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, "expireTime", "Field 'expireTime' must be after the order's availableTime.");
            }
            await _billing.Store.UpdateSuiteOrderAsync(order, cancellationToken);
            _billing.PutSuiteOrder(order);
            return ServiceResult.Ok;
        }
    }

    /// <summary>DeleteSuiteOrder (§3.28): the order goes; a suite it already put in force runs to its expiry.</summary>
    public async Task<ServiceResult> DeleteAsync(long? id, CancellationToken cancellationToken = default)
    {
        if (SuiteRules.Present(id, "id") is { } invalid)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindSuiteOrder(id!.Value) is null)
            {
                return OrderNotFound(id.Value);
            }
            await _billing.Store.DeleteSuiteOrderAsync(id.Value, cancellationToken);
            _billing.RemoveSuiteOrder(id.Value);
            return ServiceResult.Ok;
        }
    }

    /// <summary>GetSuiteOrder (§3.29): the orders of one owner (none for an unknown owner), by id.</summary>
    public async Task<ServiceResult<IReadOnlyList<SuiteOrder>>> QueryAsync(string? ownerName, int? ownerType,
        CancellationToken cancellationToken = default)
    {
        if (SuiteService.CheckOwner(ownerName, ownerType) is { } invalid)
        {
            return invalid.As<IReadOnlyList<SuiteOrder>>();
        }
        await _billing.LoadAsync(cancellationToken);
        IReadOnlyList<SuiteOrder> found = _billing.SuiteOrders
            .Where(o => o.OwnerName == ownerName && (int)o.OwnerType == ownerType).OrderBy(o => o.Id).ToArray();
        return ServiceResult<IReadOnlyList<SuiteOrder>>.Success(found);
    }

    /// <summary>
    /// Puts an order in force: debits rentFee × rentPercent / 100 (a consumption of type 0, §3.64) and writes the
    /// suite in force with the suite's terms as they are now (§3.30). When the account cannot pay (balance plus
    /// overdraft), failedProcessMode 2 deletes the order; 0 and 1 leave it waiting (§3.26).
    /// </summary>
    private async Task ActivateAsync(SuiteOrder order, Suite suite, CancellationToken cancellationToken)
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        decimal rent = Money.Round(suite.RentFee * order.RentPercent / 100m);
        bool once = suite.RentType == SuiteRentType.Once;
        var current = new CurrentSuite
        {
            OwnerName = order.OwnerName, OwnerType = order.OwnerType, SuiteOrderId = order.Id, Suite = suite,
            ExpireTime = Math.Min(order.ExpireTime, PeriodEnd(order.AvailableTime, suite)),
        };
        string? account = AccountOf(order.OwnerName, order.OwnerType);
        if (account is null)
        {
            return;
        }
        bool broke = false;
        var result = await _customers.ChangeMoneyAsync(account, -rent, async (before, after, ct) =>
        {
            if (_billing.FindSuiteOrder(order.Id) is null)
            {
                return OrderNotFound(order.Id);
            }
            decimal balance = Money.From(after.Money);
            if (rent > 0 && balance + Money.From(after.LimitMoney) < 0)
            {
                broke = true;
                return ServiceResult.Fail(ServiceError.OutOfRange, "money", $"'{account}' cannot pay the rent of suite {suite.Id}.");
            }
            var ids = await _billing.Store.ApplyMoneyChangeAsync(new MoneyChange
            {
                Account = account, NewMoney = balance, NewCurrentSuite = current, ConsumedOrderId = once ? order.Id : null,
                Consumption = rent == 0 ? null : new ConsumptionRecord
                {
                    Account = account, Money = rent, CustomerMoney = balance, Type = ConsumptionSuiteRent,
                    ConsumptionName = suite.Id, Time = now,
                },
            }, ct);
            _billing.PutCurrentSuite(current with { Id = ids.CurrentSuiteId });
            if (once)
            {
                _billing.RemoveSuiteOrder(order.Id);
            }
            return ServiceResult.Ok;
        }, cancellationToken: cancellationToken);
        if (!result.IsSuccess && broke && order.FailedProcessMode == 2)
        {
            await DeleteAsync(order.Id, cancellationToken);
        }
    }

    /// <summary>The end of the first rent period (§3.23 rentType: days, months, years of local time; seconds once).</summary>
    private long PeriodEnd(long available, Suite suite)
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(available);
        var local = start.ToOffset(_time.LocalTimeZone.GetUtcOffset(start)).DateTime;
        DateTime end;
        try
        {
            end = suite.RentType switch
            {
                SuiteRentType.Day => local.AddDays(suite.RentPeriod),
                SuiteRentType.Month => local.AddMonths(suite.RentPeriod),
                SuiteRentType.Year => local.AddYears(suite.RentPeriod),
                _ => DateTime.MaxValue,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return SuiteOrder.NoExpiry;
        }
        return suite.RentType == SuiteRentType.Once
            ? SaturatingAdd(available, suite.RentPeriod * 1000L)
            : end == DateTime.MaxValue ? SuiteOrder.NoExpiry : BillingDates.Local(end, _time).ToUnixTimeMilliseconds();
    }

    private bool IsLocalMidnight(long ms)
    {
        if (ms < 0 || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return instant.ToOffset(_time.LocalTimeZone.GetUtcOffset(instant)).TimeOfDay == TimeSpan.Zero;
    }

    /// <summary>The account an order's owner pays with: the account itself, or a phone's account.</summary>
    private string? AccountOf(string ownerName, SuiteOwnerType ownerType) => ownerType switch
    {
        SuiteOwnerType.Account => _directory.FindCustomer(ownerName)?.Account,
        SuiteOwnerType.Phone => _directory.FindPhone(ownerName)?.Account,
        _ => null,
    };

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static ServiceResult NotMidnight(string field) =>
        ServiceResult.Fail(ServiceError.OutOfRange, field, $"Field '{field}' must be 0:00 of the switch's time zone (ms since 1970).");

    private static ServiceResult OwnerNotFound(string ownerName) =>
        ServiceResult.Fail(ServiceError.NotFound, "ownerName", $"Field 'ownerName': owner '{ownerName}' not found.");

    private static ServiceResult OrderNotFound(long id) =>
        ServiceResult.Fail(ServiceError.NotFound, "id", $"Field 'id': suite order {id} not found.");

    private async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _billing.LoadAsync(cancellationToken);
        return await _directory.EnterWriteAsync(cancellationToken);
    }
}

using Softswitch.Core.Accounts;
using Softswitch.Core.Management;

namespace Softswitch.Core.Billing;

/// <summary>
/// Payments (Pay §3.22), their history (GetPayHistory §3.46) and other consumption (GetConsumption §3.64). A payment
/// resolves its owner to an account, moves the balance through <see cref="CustomerService.ChangeMoneyAsync"/> and
/// writes the history line in the same transaction.
/// </summary>
public sealed class PaymentService
{
    /// <summary>InfoPayHistory.type (§3.46).</summary>
    public const int TypeRecharge = 0, TypeDeduction = 1;

    /// <summary>InfoPayHistory.payType (§3.46).</summary>
    public const int PayTypeCash = 0, PayTypeRechargeCard = 2;

    private readonly CustomerService _customers;
    private readonly DirectoryState _directory;
    private readonly BillingState _billing;
    private readonly RatingService _rating;
    private readonly TimeProvider _time;

    public PaymentService(CustomerService customers, DirectoryState directory, BillingState billing, RatingService rating,
        TimeProvider time)
    {
        _customers = customers;
        _directory = directory;
        _billing = billing;
        _rating = rating;
        _time = time;
    }

    /// <summary>
    /// Pay (§3.22): adds <paramref name="money"/> to the owner's account. A negative amount is a deduction (history
    /// type 1, §3.46); zero is refused. The account may go below zero only down to its overdraft, as a call could.
    /// </summary>
    public async Task<ServiceResult<PayReceipt>> PayAsync(string? ownerName, int? ownerType, decimal? money, string? memo,
        CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Required(ownerName, "ownerName")
            ?? (ownerType is null ? FeeRateRules.Missing("ownerType") : null)
            ?? (money is null ? FeeRateRules.Missing("money") : null)
            ?? FieldRules.OneOf(ownerType, "ownerType", 2, 6, 11, 25, 44)
            ?? FeeRateRules.Amount(money, "money", allowNegative: true)
            ?? (Money.Round(money!.Value) == 0m ? ServiceResult.Fail(ServiceError.OutOfRange, "money", "Field 'money' must not be 0.") : null)
            ?? FieldRules.Length(memo, "memo");
        if (invalid is not null)
        {
            return invalid.As<PayReceipt>();
        }
        await _billing.LoadAsync(cancellationToken);
        if (ResolveAccount(ownerName!, (PayOwnerType)ownerType!.Value) is not { } account)
        {
            return OwnerNotFound(ownerName!).As<PayReceipt>();
        }
        return await RecordAsync(account, Money.Round(money!.Value), PayTypeCash, memo ?? "", null, cancellationToken);
    }

    /// <summary>
    /// Moves the balance and writes the history line (and, for a recharge card, marks it used and maybe replaces the
    /// account's fee-rate group) in one transaction.
    /// </summary>
    internal async Task<ServiceResult<PayReceipt>> RecordAsync(string account, decimal amount, int payType, string memo,
        PhoneCard? usedCard, CancellationToken cancellationToken, string? newFeeRateGroup = null)
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var result = await _customers.ChangeMoneyAsync(account, amount, async (before, after, ct) =>
        {
            // §3.58: a card is used once. Checked inside the write gate, where cards are marked used, so two
            // concurrent uses of one card cannot both pass.
            if (usedCard is not null && _billing.FindPhoneCard(usedCard.Pin) is not { UsedTime: null })
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "pin", $"Field 'pin': phone card '{usedCard.Pin}' has already been used.");
            }
            decimal balance = Money.From(after.Money);
            if (amount < 0 && balance + Money.From(after.LimitMoney) < 0)
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, "money",
                    $"Field 'money': deducting {-amount} would take '{account}' past its overdraft limit.");
            }
            var pay = new PayRecord
            {
                Account = account, Fee = amount, Type = amount < 0 ? TypeDeduction : TypeRecharge, PayType = payType,
                CustomerMoney = balance, PayTime = now, Memo = memo,
            };
            var used = usedCard is null ? null : usedCard with { UsedTime = now, UsedAccount = account };
            await _billing.Store.ApplyMoneyChangeAsync(new MoneyChange
            {
                Account = account, NewMoney = balance, NewFeeRateGroup = newFeeRateGroup, Pay = pay, UsedPhoneCard = used,
            }, ct);
            if (used is not null)
            {
                _billing.PutPhoneCard(used);
            }
            return ServiceResult.Ok;
        }, newFeeRateGroup is null ? null : c => c with { FeeRateGroup = newFeeRateGroup }, cancellationToken);
        return result.IsSuccess
            ? ServiceResult<PayReceipt>.Success(new PayReceipt(account, Money.From(result.Value!.Money), result.Value.ValidTime, amount))
            : result.WithoutValue().As<PayReceipt>();
    }

    /// <summary>GetPayHistory (§3.46): one account's payments, or those of every account under an agent.</summary>
    public async Task<ServiceResult<IReadOnlyList<PayRecord>>> HistoryAsync(string? account, string? agentAccount,
        string? beginTime, string? endTime, CancellationToken cancellationToken = default)
    {
        if (Scope(account, agentAccount, beginTime, endTime, out var accounts, out long from, out long to) is { } invalid)
        {
            return invalid.As<IReadOnlyList<PayRecord>>();
        }
        return ServiceResult<IReadOnlyList<PayRecord>>.Success(
            await _billing.Store.QueryPayHistoryAsync(accounts, from, to, cancellationToken));
    }

    /// <summary>GetConsumption (§3.64): non-call charges (suite rent …) of one account or an agent's accounts.</summary>
    public async Task<ServiceResult<IReadOnlyList<ConsumptionRecord>>> ConsumptionsAsync(string? account, string? agentAccount,
        string? beginTime, string? endTime, CancellationToken cancellationToken = default)
    {
        if (Scope(account, agentAccount, beginTime, endTime, out var accounts, out long from, out long to) is { } invalid)
        {
            return invalid.As<IReadOnlyList<ConsumptionRecord>>();
        }
        return ServiceResult<IReadOnlyList<ConsumptionRecord>>.Success(
            await _billing.Store.QueryConsumptionsAsync(accounts, from, to, cancellationToken));
    }

    /// <summary>The account an owner of Pay/PayByPhoneCard (§3.22 ownerType) is billed to, or null.</summary>
    internal string? ResolveAccount(string ownerName, PayOwnerType ownerType) => (ownerType switch
    {
        PayOwnerType.Account => _rating.OwnerOfAccount(ownerName),
        PayOwnerType.Phone => _rating.OwnerOfPhone(ownerName),
        PayOwnerType.ActivePhoneCard => _rating.OwnerOfCard(ownerName),
        PayOwnerType.BindedE164 => _rating.OwnerOfBindedE164(ownerName),
        PayOwnerType.MappingGateway => _rating.OwnerOfMappingGateway(ownerName),
        _ => null,
    })?.Account.Account;

    internal static ServiceResult OwnerNotFound(string ownerName) =>
        ServiceResult.Fail(ServiceError.NotFound, "ownerName", $"Field 'ownerName': owner '{ownerName}' not found.");

    /// <summary>
    /// The accounts a history query covers: the account when given (agentAccount is then ignored), else every account
    /// under the agent, at any depth (the agent's own records are asked for with account).
    /// </summary>
    private ServiceResult? Scope(string? account, string? agentAccount, string? beginTime, string? endTime,
        out IReadOnlyList<string> accounts, out long from, out long to)
    {
        accounts = [];
        from = to = 0;
        if (string.IsNullOrEmpty(account) && string.IsNullOrEmpty(agentAccount))
        {
            return ServiceResult.Fail(ServiceError.MissingField, "account", "One of 'account' or 'agentAccount' is required.");
        }
        if (BillingDates.SecondRange(beginTime, endTime, _time, out from, out to) is { } badRange)
        {
            return badRange;
        }
        if (!string.IsNullOrEmpty(account))
        {
            accounts = [account];
            return null;
        }
        var found = new List<string>();
        var pending = new Queue<string>([agentAccount!]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { agentAccount! };
        while (pending.TryDequeue(out string? current))
        {
            foreach (var sub in _directory.SubAccountsOf(current).Where(s => seen.Add(s.Account)))
            {
                found.Add(sub.Account);
                pending.Enqueue(sub.Account);
            }
        }
        accounts = found;
        return null;
    }
}

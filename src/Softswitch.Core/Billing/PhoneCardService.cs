using Softswitch.Core.Accounts;
using Softswitch.Core.Management;
using Softswitch.Core.Numbers;
using Softswitch.Core.Phones;

namespace Softswitch.Core.Billing;

/// <summary>
/// Recharge (prepaid) phone cards (电话卡, InfoPhoneCard 001_… §3.84): GetPhoneCard (§3.84), PayByPhoneCard
/// (§3.58), PhoneCardActive (§3.59) and CreatePhoneCard (this project's extension, docs/billing.md: the manual
/// has no way to create cards). A card is used once: the check and the marking happen in the same write-gate
/// section as the balance change (<see cref="PaymentService"/>).
/// </summary>
public sealed class PhoneCardService
{
    private readonly DirectoryState _directory;
    private readonly BillingState _billing;
    private readonly PaymentService _payments;
    private readonly CustomerService _customers;
    private readonly ActivePhoneCardService _activeCards;
    private readonly SuiteOrderService _orders;
    private readonly PhoneService _phones;
    private readonly BindedE164Service _binded;
    private readonly NumberState _numbers;
    private readonly TimeProvider _time;

    public PhoneCardService(DirectoryState directory, BillingState billing, PaymentService payments, CustomerService customers,
        ActivePhoneCardService activeCards, SuiteOrderService orders, PhoneService phones, BindedE164Service binded,
        NumberState numbers, TimeProvider time)
    {
        _directory = directory;
        _billing = billing;
        _payments = payments;
        _customers = customers;
        _activeCards = activeCards;
        _orders = orders;
        _phones = phones;
        _binded = binded;
        _numbers = numbers;
        _time = time;
    }

    /// <summary>
    /// CreatePhoneCard (extension): pin, money and bitsOfConfig are required; the pin is new (-10005); bits are the
    /// manual's (§3.84); feeRateGroup, agentAccount and suiteNames must name existing objects (-10007).
    /// </summary>
    public async Task<ServiceResult> CreateAsync(PhoneCardInput input, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Number(input.Pin, "pin")
            ?? SuiteRules.Present(input.Money, "money") ?? SuiteRules.Present(input.BitsOfConfig, "bitsOfConfig")
            ?? FieldRules.Length(input.Password, "password")
            ?? FeeRateRules.Amount(input.Money, "money") ?? FeeRateRules.Amount(input.LimitMoney, "limitMoney")
            ?? (input.BitsOfConfig is { } bits && (bits & ~PhoneCardBits.All) != 0
                ? ServiceResult.Fail(ServiceError.OutOfRange, "bitsOfConfig",
                    $"Field 'bitsOfConfig' may combine only the bits 1<<1 .. 1<<7 (mask {PhoneCardBits.All}).")
                : null)
            ?? FieldRules.Length(input.FeeRateGroup, "feeRateGroup")
            ?? FieldRules.Range(input.ExpireTime, "expireTime", 1, long.MaxValue)
            ?? FieldRules.Length(input.AgentAccount, "agentAccount")
            ?? FieldRules.Length(input.Memo, "memo");
        if (invalid is not null)
        {
            return invalid;
        }
        await _billing.LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_billing.FindPhoneCard(input.Pin!) is not null)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "pin", $"Field 'pin': phone card '{input.Pin}' already exists.");
            }
            if (!string.IsNullOrEmpty(input.FeeRateGroup) && _billing.FindFeeRateGroup(input.FeeRateGroup) is null)
            {
                return NotFound("feeRateGroup", $"fee-rate group '{input.FeeRateGroup}'");
            }
            if (!string.IsNullOrEmpty(input.AgentAccount) && _directory.FindCustomer(input.AgentAccount) is null)
            {
                return NotFound("agentAccount", $"account '{input.AgentAccount}'");
            }
            var names = input.SuiteNames ?? [];
            for (int i = 0; i < names.Count; i++)
            {
                if (names[i] is not { } name || SuiteNamed(name) is null)
                {
                    return NotFound($"suiteNames[{i}]", $"suite '{names[i]}'");
                }
            }
            var card = new PhoneCard
            {
                Pin = input.Pin!, Password = input.Password ?? "", Money = Money.Round(input.Money!.Value),
                LimitMoney = Money.Round(input.LimitMoney ?? 0m), BitsOfConfig = input.BitsOfConfig!.Value,
                FeeRateGroup = input.FeeRateGroup ?? "", ExpireTime = input.ExpireTime ?? long.MaxValue,
                AgentAccount = input.AgentAccount ?? "", SuiteNames = names.OfType<string>().ToArray(), Memo = input.Memo ?? "",
            };
            await _billing.Store.SavePhoneCardAsync(card, cancellationToken);
            _billing.PutPhoneCard(card);
            return ServiceResult.Ok;
        }
    }

    /// <summary>GetPhoneCard (§3.84): one card by pin; a password, when given, must match (-10007 otherwise).</summary>
    public async Task<ServiceResult<PhoneCard>> GetAsync(string? pin, string? password, CancellationToken cancellationToken = default)
    {
        if ((FieldRules.Required(pin, "pin") ?? FieldRules.Length(password, "password")) is { } invalid)
        {
            return invalid.As<PhoneCard>();
        }
        await _billing.LoadAsync(cancellationToken);
        return _billing.FindPhoneCard(pin!) is { } card && (password is null || card.Password == password)
            ? ServiceResult<PhoneCard>.Success(card)
            : NotFound("pin", $"phone card '{pin}' (or its password)").As<PhoneCard>();
    }

    /// <summary>
    /// PayByPhoneCard (§3.58): the card must allow recharge (1&lt;&lt;4), be unused and unexpired. The owner's account
    /// gets the face value when 1&lt;&lt;7 is set, the card's feeRateGroup when 1&lt;&lt;5 is set (both in the transaction
    /// that marks the card used, history payType 2); with 1&lt;&lt;6 the card's suites are then ordered for the account
    /// from today.
    /// </summary>
    public async Task<ServiceResult<PayReceipt>> PayAsync(string? ownerName, int? ownerType, string? pin, string? password,
        string? memo, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Required(ownerName, "ownerName")
            ?? SuiteRules.Present(ownerType, "ownerType")
            ?? FieldRules.Required(pin, "pin")
            ?? FieldRules.OneOf(ownerType, "ownerType", 2, 6, 11, 25, 44)
            ?? FieldRules.Length(password, "password")
            ?? FieldRules.Length(memo, "memo");
        if (invalid is not null)
        {
            return invalid.As<PayReceipt>();
        }
        await _billing.LoadAsync(cancellationToken);
        if (Usable(pin!, password, PhoneCardBits.Recharge, "recharge") is { } unusable)
        {
            return unusable.As<PayReceipt>();
        }
        if (_payments.ResolveAccount(ownerName!, (PayOwnerType)ownerType!.Value) is not { } account)
        {
            return PaymentService.OwnerNotFound(ownerName!).As<PayReceipt>();
        }
        var card = _billing.FindPhoneCard(pin!)!;
        string? group = card.Has(PhoneCardBits.RechargeReplacesFeeRateGroup) && card.FeeRateGroup.Length > 0 ? card.FeeRateGroup : null;
        var paid = await _payments.RecordAsync(account, FaceValue(card), PaymentService.PayTypeRechargeCard, memo ?? "", card,
            cancellationToken, group);
        if (paid.IsSuccess && card.Has(PhoneCardBits.RechargeAddsSuites))
        {
            foreach (var suite in card.SuiteNames.Select(SuiteNamed).OfType<Suite>())
            {
                await _orders.CreateAsync(new SuiteOrderInput
                {
                    OwnerName = account, OwnerType = (int)SuiteOwnerType.Account, SuiteId = suite.Id, AvailableTime = 0,
                    Memo = $"phone card {card.Pin}",
                }, cancellationToken);
            }
        }
        return paid;
    }

    /// <summary>
    /// PhoneCardActive (§3.59): opens an account named by the pin from a card that allows it (1&lt;&lt;1), with the card's
    /// overdraft, fee-rate group and agent, the face value as balance when 1&lt;&lt;7 is set, an active phone card with
    /// the same pin and password when 1&lt;&lt;2 is set, a phone whose e164 is the pin when 1&lt;&lt;3 is set, and
    /// <paramref name="bindedE164"/> bound to that active card (so it needs 1&lt;&lt;2). Everything is checked before
    /// the first write.
    /// </summary>
    public async Task<ServiceResult> ActivateAsync(string? pin, string? password, string? bindedE164,
        CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Number(pin, "pin") ?? FieldRules.Length(password, "password")
            ?? (bindedE164 is null ? null : FieldRules.Number(bindedE164, "bindedE164"));
        if (invalid is not null)
        {
            return invalid;
        }
        await _billing.LoadAsync(cancellationToken);
        await _numbers.LoadAsync(cancellationToken);
        if (Usable(pin!, password, PhoneCardBits.OpenAccount, "opening an account") is { } unusable)
        {
            return unusable;
        }
        var card = _billing.FindPhoneCard(pin!)!;
        if (bindedE164 is not null && !card.Has(PhoneCardBits.OpenCreatesActivePhoneCard))
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, "bindedE164",
                $"Field 'bindedE164': card '{pin}' does not create an active phone card (1<<2) to bind a number to.");
        }
        var conflict = _directory.FindCustomer(pin!) is not null ? Taken("pin", $"account '{pin}'")
            : card.Has(PhoneCardBits.OpenCreatesActivePhoneCard) && _billing.FindActivePhoneCard(pin!) is not null ? Taken("pin", $"active phone card '{pin}'")
            : card.Has(PhoneCardBits.OpenCreatesPhone) && _directory.FindPhone(pin!) is not null ? Taken("pin", $"phone '{pin}'")
            : bindedE164 is not null && _numbers.FindBindedE164(bindedE164) is not null ? Taken("bindedE164", $"bound number '{bindedE164}'")
            : null;
        if (conflict is not null)
        {
            return conflict;
        }
        var opened = await _customers.CreateAsync(pin, new CustomerChanges
        {
            Name = pin, LimitMoney = Money.ToDouble(card.LimitMoney),
            FeeRateGroup = card.FeeRateGroup.Length > 0 ? card.FeeRateGroup : null,
            AgentAccount = card.AgentAccount.Length > 0 ? card.AgentAccount : null,
        }, cancellationToken);
        if (!opened.IsSuccess)
        {
            return opened;
        }
        var paid = await _payments.RecordAsync(pin!, FaceValue(card), PaymentService.PayTypeRechargeCard, "PhoneCardActive", card, cancellationToken);
        if (!paid.IsSuccess)
        {
            await _customers.DeleteAsync(pin, cancellationToken);
            return paid.WithoutValue();
        }
        if (card.Has(PhoneCardBits.OpenCreatesActivePhoneCard))
        {
            var active = await _activeCards.CreateAsync(new ActivePhoneCardInput
            {
                Pin = pin, Account = pin, Password = card.Password.Length > 0 ? card.Password : null,
            }, cancellationToken);
            if (!active.IsSuccess)
            {
                return active.WithoutValue();
            }
        }
        if (card.Has(PhoneCardBits.OpenCreatesPhone))
        {
            var phone = await _phones.CreateAsync(false, pin, new PhoneChanges
            {
                Account = pin, Password = card.Password.Length > 0 ? card.Password : null,
            }, cancellationToken);
            if (!phone.IsSuccess)
            {
                return phone.WithoutValue();
            }
        }
        return bindedE164 is null ? ServiceResult.Ok : await _binded.CreateAsync(bindedE164, new BindedE164Changes { Pin = pin }, cancellationToken);
    }

    /// <summary>Why a card cannot be used for <paramref name="bit"/> now, or null (§3.58/§3.59/§3.84).</summary>
    private ServiceResult? Usable(string pin, string? password, int bit, string purpose)
    {
        if (_billing.FindPhoneCard(pin) is not { } card)
        {
            return NotFound("pin", $"phone card '{pin}'");
        }
        if (password is not null && card.Password != password)
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, "password", $"Field 'password' does not match phone card '{pin}'.");
        }
        if (card.UsedTime is not null)
        {
            return ServiceResult.Fail(ServiceError.Duplicate, "pin", $"Field 'pin': phone card '{pin}' has already been used.");
        }
        if (card.ExpireTime <= _time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, "pin", $"Field 'pin': phone card '{pin}' has expired.");
        }
        return card.Has(bit) ? null
            : ServiceResult.Fail(ServiceError.OutOfRange, "pin", $"Field 'pin': phone card '{pin}' is not enabled for {purpose}.");
    }

    /// <summary>The amount a card adds to the balance: its face value when 1&lt;&lt;7 is set (§3.84), else nothing.</summary>
    private static decimal FaceValue(PhoneCard card) => card.Has(PhoneCardBits.FaceValueToBalance) ? card.Money : 0m;

    private Suite? SuiteNamed(string name) => _billing.Suites.FirstOrDefault(s => s.Name == name);

    private static ServiceResult NotFound(string field, string what) =>
        ServiceResult.Fail(ServiceError.NotFound, field, $"Field '{field}': {what} not found.");

    private static ServiceResult Taken(string field, string what) =>
        ServiceResult.Fail(ServiceError.Duplicate, field, $"Field '{field}': {what} already exists.");
}

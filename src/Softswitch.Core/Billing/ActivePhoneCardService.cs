using System.Security.Cryptography;
using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Billing;

/// <summary>
/// Active phone cards (在用电话卡, CreateActivePhoneCard §3.32, ModifyActivePhoneCard §3.33, DeleteActivePhoneCard
/// §3.34, GetActivePhoneCard §3.35): a calling-card pin billed to an account. Bound numbers (§3.36) name cards by
/// pin, so a card with bound numbers cannot be deleted and its bindLimit cannot go below their count.
/// </summary>
public sealed class ActivePhoneCardService
{
    public const int GeneratedPasswordDigits = 8;

    private readonly DirectoryState _directory;
    private readonly BillingState _billing;
    private readonly NumberState _numbers;
    private readonly TimeProvider _time;

    public ActivePhoneCardService(DirectoryState directory, BillingState billing, NumberState numbers, TimeProvider time)
    {
        _directory = directory;
        _billing = billing;
        _numbers = numbers;
        _time = time;
    }

    /// <summary>
    /// CreateActivePhoneCard (§3.32): pin and account are M, the account must exist, the pin is new. Without a
    /// password one of <see cref="GeneratedPasswordDigits"/> digits is generated and answered (the manual types it
    /// Integer); otherwise the answer carries null.
    /// </summary>
    public async Task<ServiceResult<string?>> CreateAsync(ActivePhoneCardInput input, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Number(input.Pin, "pin") ?? FieldRules.Identifier(input.Account, "account") ?? Check(input);
        if (invalid is not null)
        {
            return invalid.As<string?>();
        }
        using (await EnterAsync(cancellationToken))
        {
            var created = await CreateInGateAsync(input, cancellationToken);
            return created;
        }
    }

    /// <summary>The create of §3.32 once the fields are checked and the write gate is held.</summary>
    private async Task<ServiceResult<string?>> CreateInGateAsync(ActivePhoneCardInput input, CancellationToken cancellationToken)
    {
        if (_directory.FindCustomer(input.Account!) is null)
        {
            return NotFound("account", $"account '{input.Account}'").As<string?>();
        }
        if (_billing.FindActivePhoneCard(input.Pin!) is not null)
        {
            return ServiceResult.Fail(ServiceError.Duplicate, "pin", $"Field 'pin': active phone card '{input.Pin}' already exists.").As<string?>();
        }
        string? generated = string.IsNullOrEmpty(input.Password) ? GeneratePassword() : null;
        var card = new ActivePhoneCard
        {
            Pin = input.Pin!, Account = input.Account!, Password = generated ?? input.Password!,
            DisplayE164 = input.DisplayE164 ?? "", BindLimit = input.BindLimit, Memo = input.Memo ?? "",
            ActiveTime = _time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        await _billing.Store.SaveActivePhoneCardAsync(card, cancellationToken);
        _billing.PutActivePhoneCard(card);
        return ServiceResult<string?>.Success(generated);
    }

    /// <summary>ModifyActivePhoneCard (§3.33): the given fields change; an absent bindLimit stays as it is.</summary>
    public async Task<ServiceResult> ModifyAsync(ActivePhoneCardInput input, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Number(input.Pin, "pin")
            ?? (input.Account is null ? null : FieldRules.Identifier(input.Account, "account"))
            ?? (input.Password is "" ? ServiceResult.Fail(ServiceError.OutOfRange, "password", "Field 'password' must not be empty.") : null)
            ?? Check(input);
        if (invalid is not null)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindActivePhoneCard(input.Pin!) is not { } existing)
            {
                return NotFound("pin", $"active phone card '{input.Pin}'");
            }
            if (input.Account is not null && _directory.FindCustomer(input.Account) is null)
            {
                return NotFound("account", $"account '{input.Account}'");
            }
            int bound = BoundCount(existing.Pin);
            if (input.BindLimit is { } limit && limit < bound)
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, "bindLimit",
                    $"Field 'bindLimit': card '{existing.Pin}' already has {bound} bound numbers.");
            }
            var card = existing with
            {
                Account = input.Account ?? existing.Account, Password = input.Password ?? existing.Password,
                DisplayE164 = input.DisplayE164 ?? existing.DisplayE164, BindLimit = input.BindLimit ?? existing.BindLimit,
                Memo = input.Memo ?? existing.Memo,
            };
            await _billing.Store.SaveActivePhoneCardAsync(card, cancellationToken);
            _billing.PutActivePhoneCard(card);
            return ServiceResult.Ok;
        }
    }

    /// <summary>DeleteActivePhoneCard (§3.34): refused (-10006) while numbers are bound to the card (§3.36).</summary>
    public async Task<ServiceResult> DeleteAsync(string? pin, CancellationToken cancellationToken = default)
    {
        if (FieldRules.Required(pin, "pin") is { } invalid)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindActivePhoneCard(pin!) is null)
            {
                return NotFound("pin", $"active phone card '{pin}'");
            }
            if (_numbers.BindedE164s.FirstOrDefault(b => b.Pin == pin) is { } binded)
            {
                return ServiceResult.Fail(ServiceError.DependencyExists, "pin",
                    $"Field 'pin': card '{pin}' still has bound number '{binded.E164}'; delete it first.");
            }
            await _billing.Store.DeleteActivePhoneCardAsync(pin!, cancellationToken);
            _billing.RemoveActivePhoneCard(pin!);
            return ServiceResult.Ok;
        }
    }

    /// <summary>
    /// GetActivePhoneCard (§3.35): pins or accounts, at least one ("若 accounts 不设置则此参数必选"); a card matches
    /// when its pin or its account is listed. Ordered by pin.
    /// </summary>
    public async Task<ServiceResult<IReadOnlyList<ActivePhoneCard>>> QueryAsync(IReadOnlyList<string>? pins,
        IReadOnlyList<string>? accounts, CancellationToken cancellationToken = default)
    {
        if (pins is null && accounts is null)
        {
            return new(ServiceError.MissingField, "pins", "One of 'pins' or 'accounts' is required.", null);
        }
        await _billing.LoadAsync(cancellationToken);
        var wantedPins = pins?.ToHashSet(StringComparer.Ordinal) ?? [];
        var wantedAccounts = accounts?.ToHashSet(StringComparer.Ordinal) ?? [];
        IReadOnlyList<ActivePhoneCard> found = _billing.ActivePhoneCards
            .Where(c => wantedPins.Contains(c.Pin) || wantedAccounts.Contains(c.Account))
            .OrderBy(c => c.Pin, StringComparer.Ordinal).ToArray();
        return ServiceResult<IReadOnlyList<ActivePhoneCard>>.Success(found);
    }

    internal static ServiceResult? Check(ActivePhoneCardInput input) =>
        FieldRules.Length(input.Password, "password")
        ?? FieldRules.Length(input.DisplayE164, "displayE164")
        ?? FieldRules.Range(input.BindLimit, "bindLimit", 0, int.MaxValue)
        ?? FieldRules.Length(input.Memo, "memo");

    private int BoundCount(string pin) => _numbers.BindedE164s.Count(b => b.Pin == pin);

    private static string GeneratePassword()
    {
        Span<char> digits = stackalloc char[GeneratedPasswordDigits];
        digits[0] = (char)('1' + RandomNumberGenerator.GetInt32(9));
        for (int i = 1; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }
        return new string(digits);
    }

    private static ServiceResult NotFound(string field, string what) =>
        ServiceResult.Fail(ServiceError.NotFound, field, $"Field '{field}': {what} not found.");

    private async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _billing.LoadAsync(cancellationToken);
        await _numbers.LoadAsync(cancellationToken);
        return await _directory.EnterWriteAsync(cancellationToken);
    }
}

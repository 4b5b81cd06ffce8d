using Softswitch.Core.Management;

namespace Softswitch.Core.Numbers;

/// <summary>
/// Bound numbers (绑定号码, 001_… §3.36-§3.39). The pin names a phone card in use (§3.32); phone cards are not built
/// yet, so the pin is kept as given and <see cref="AccountOf"/> resolves through <see cref="PinAccounts"/>, which the
/// phone-card service will supply (until then the account is reported empty).
/// </summary>
public sealed class BindedE164Service
{
    private readonly DirectoryState _directory;
    private readonly NumberState _numbers;
    private readonly TimeProvider _time;

    public BindedE164Service(DirectoryState directory, NumberState numbers, TimeProvider time)
    {
        _directory = directory;
        _numbers = numbers;
        _time = time;
    }

    /// <summary>Pin -> owning account of the active phone card (§3.32 account); null until phone cards exist.</summary>
    public Func<string, string?>? PinAccounts { get; set; }

    public string AccountOf(BindedE164 binded) => PinAccounts?.Invoke(binded.Pin) ?? "";

    /// <summary>CreateBindedE164 (§3.36): e164 and pin are mandatory; an e164 is bound once.</summary>
    public async Task<ServiceResult> CreateAsync(string? e164, BindedE164Changes changes, CancellationToken cancellationToken = default)
    {
        if ((FieldRules.Number(e164, "e164") ?? FieldRules.Required(changes.Pin, "pin") ?? Check(changes)) is { } invalid)
        {
            return invalid;
        }
        await _numbers.LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_numbers.FindBindedE164(e164!) is not null)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "e164", $"Number '{e164}' is already bound.");
            }
            var binded = Apply(new BindedE164 { E164 = e164!, Pin = changes.Pin!, BindTime = _time.GetUtcNow().ToUnixTimeMilliseconds() }, changes);
            await _numbers.Store.InsertBindedE164Async(binded, cancellationToken);
            _numbers.PutBindedE164(binded);
            return ServiceResult.Ok;
        }
    }

    /// <summary>ModifyBindedE164 (§3.37): only the fields given change; bindTime stays the original binding time.</summary>
    public async Task<ServiceResult> ModifyAsync(string? e164, BindedE164Changes changes, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Number(e164, "e164")
            ?? (changes.Pin is not null ? FieldRules.Required(changes.Pin, "pin") : null)
            ?? Check(changes);
        if (invalid is not null)
        {
            return invalid;
        }
        await _numbers.LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_numbers.FindBindedE164(e164!) is not { } existing)
            {
                return NotFound(e164!);
            }
            var binded = Apply(existing, changes);
            await _numbers.Store.UpdateBindedE164Async(binded, cancellationToken);
            _numbers.PutBindedE164(binded);
            return ServiceResult.Ok;
        }
    }

    /// <summary>DeleteBindedE164 (§3.38).</summary>
    public async Task<ServiceResult> DeleteAsync(string? e164, CancellationToken cancellationToken = default)
    {
        if (FieldRules.Number(e164, "e164") is { } invalid)
        {
            return invalid;
        }
        await _numbers.LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_numbers.FindBindedE164(e164!) is null)
            {
                return NotFound(e164!);
            }
            await _numbers.Store.DeleteBindedE164Async(e164!, cancellationToken);
            _numbers.RemoveBindedE164(e164!);
            return ServiceResult.Ok;
        }
    }

    /// <summary>GetBindedE164 (§3.39): at least one of e164s, pin, account ("必选其一"); rows matching every one given.</summary>
    public ServiceResult<IReadOnlyList<BindedE164>> Query(IReadOnlyList<string>? e164s, string? pin, string? account)
    {
        if (e164s is null && pin is null && account is null)
        {
            return new(ServiceError.MissingField, "e164s", "One of 'e164s', 'pin' or 'account' is required.", null);
        }
        var wanted = e164s?.ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<BindedE164> result = _numbers.BindedE164s
            .Where(b => (wanted is null || wanted.Contains(b.E164)) && (pin is null || b.Pin == pin) &&
                (account is null || AccountOf(b) == account))
            .OrderBy(b => b.E164, StringComparer.Ordinal)
            .ToArray();
        return ServiceResult<IReadOnlyList<BindedE164>>.Success(result);
    }

    private static ServiceResult? Check(BindedE164Changes c) =>
        FieldRules.Length(c.Pin, "pin")
        ?? FieldRules.Length(c.DisplayE164, "displayE164")
        ?? FieldRules.DialPlan(c.RewriteRulesOutCallee, "rewriteRulesOutCallee")
        ?? FieldRules.Length(c.Language, "language")
        ?? FieldRules.Length(c.Memo, "memo");

    private static BindedE164 Apply(BindedE164 binded, BindedE164Changes changes) => JsonOverlay.Apply(binded, changes);

    private static ServiceResult NotFound(string e164) =>
        ServiceResult.Fail(ServiceError.NotFound, "e164", $"Bound number '{e164}' not found.");
}

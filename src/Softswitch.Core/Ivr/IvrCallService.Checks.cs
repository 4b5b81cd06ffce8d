using Softswitch.Core.Management;

namespace Softswitch.Core.Ivr;

/// <summary>Field checks of the IVR call interfaces (001_… §3.60, §3.61, §3.66).</summary>
public sealed partial class IvrCallService
{
    private const string WrongCredentials = "accessE164 or accessE164Password is wrong.";

    /// <summary>
    /// The access number is the phone whose IVR flow serves the request, and its password must match. An unknown
    /// phone and a wrong password get the same answer (docs/architecture.md "Bad input": no user enumeration).
    /// </summary>
    private async Task<ServiceResult?> CheckAccessAsync(string? accessE164, string? password, CancellationToken cancellationToken)
    {
        if ((FieldRules.Number(accessE164, "accessE164") ?? Missing(password, "accessE164Password")) is { } invalid)
        {
            return invalid;
        }
        await _directory.LoadAsync(cancellationToken);
        await _numbers.LoadAsync(cancellationToken);
        return _directory.FindPhone(accessE164!) is { } phone && phone.Password == password
            ? null
            : ServiceResult.Fail(ServiceError.NotFound, "accessE164", WrongCredentials);
    }

    /// <summary>
    /// A billing number is checked only with its password ("当…密码被设置时，则需校验"): a bound number's pin or a
    /// phone's password (phone cards are a later issue).
    /// </summary>
    private ServiceResult? CheckBilling(string? e164, string? password, string prefix)
    {
        if (CheckOptionalNumber(e164, prefix + "E164") is { } invalid)
        {
            return invalid;
        }
        if (string.IsNullOrEmpty(password))
        {
            return null;
        }
        if (string.IsNullOrEmpty(e164))
        {
            return ServiceResult.Fail(ServiceError.MissingField, prefix + "E164",
                $"Field '{prefix}Password' is given without '{prefix}E164'.");
        }
        bool matches = _numbers.FindBindedE164(e164) is { } bound ? bound.Pin == password
            : _directory.FindPhone(e164) is { } phone && phone.Password == password;
        return matches ? null
            : ServiceResult.Fail(ServiceError.NotFound, prefix + "E164", $"{prefix}E164 or {prefix}Password is wrong.");
    }

    private static ServiceResult? CheckCallees(string? calleeE164s)
    {
        if (Missing(calleeE164s, "calleeE164s") is { } missing)
        {
            return missing;
        }
        foreach (string callee in calleeE164s!.Split(',', StringSplitOptions.TrimEntries))
        {
            if (FieldRules.Number(callee, "calleeE164s") is { } bad)
            {
                return ServiceResult.Fail(bad.Error == ServiceError.MissingField ? ServiceError.OutOfRange : bad.Error,
                    "calleeE164s", $"Field 'calleeE164s' holds '{callee}': {bad.Message}");
            }
        }
        return null;
    }

    private async Task<ServiceResult?> CheckAudiosAsync(string? audioes, string? language, CancellationToken cancellationToken)
    {
        if (Missing(audioes, "audioes") is { } missing)
        {
            return missing;
        }
        foreach (string name in audioes!.Split(',', StringSplitOptions.TrimEntries))
        {
            if (name.Length == 0)
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, "audioes", "Field 'audioes' holds an empty name.");
            }
            if ((await _audios.FindByNameAsync(name, language, cancellationToken)).Count == 0)
            {
                return ServiceResult.Fail(ServiceError.NotFound, "audioes",
                    string.IsNullOrEmpty(language) ? $"No IVR audio named '{name}'." : $"No IVR audio named '{name}' in language '{language}'.");
            }
        }
        return null;
    }

    /// <summary>transactionId: A-Z, a-z, 0-9, '-' and '_' only (§3.60).</summary>
    private static ServiceResult? CheckTransactionId(string? transactionId)
    {
        if (transactionId is null)
        {
            return null;
        }
        return transactionId.Length is 0 or > FieldRules.StringMax
               || !transactionId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? ServiceResult.Fail(ServiceError.OutOfRange, "transactionId",
                "Field 'transactionId' must be 1 to 255 characters of A-Z, a-z, 0-9, '-' and '_'.")
            : null;
    }

    private static ServiceResult? CheckOptionalNumber(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null : FieldRules.Number(value, field);

    private static ServiceResult? Missing(string? value, string field) =>
        string.IsNullOrEmpty(value) ? ServiceResult.Fail(ServiceError.MissingField, field, $"Missing mandatory field '{field}'.") : null;
}

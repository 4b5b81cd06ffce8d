using Softswitch.Core.Routing;

namespace Softswitch.Core.Management;

/// <summary>
/// Field checks shared by the services. Lengths follow 001_… §3 "表格头域说明": String is at most 255 characters,
/// LongString at most 65535.
/// </summary>
internal static class FieldRules
{
    public const int StringMax = 255;
    public const int LongStringMax = 65535;

    public static ServiceResult? Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? ServiceResult.Fail(ServiceError.MissingField, field, $"Missing mandatory field '{field}'.")
            : Length(value, field, StringMax);

    public static ServiceResult? Length(string? value, string field, int max = StringMax) =>
        value is not null && value.Length > max
            ? ServiceResult.Fail(ServiceError.OutOfRange, field, $"Field '{field}' is longer than {max} characters.")
            : null;

    /// <summary>
    /// A field that holds dial-plan rules ("需符合拨号规则书写格式", 001_… §3.6, §3.11, §3.16, §3.36; grammar in
    /// docs/dial-plans.md): refused with the position and the fault when it does not compile, so a bad rule never
    /// reaches a call.
    /// </summary>
    public static ServiceResult? DialPlan(string? value, string field, int max = LongStringMax)
    {
        if (Length(value, field, max) is { } tooLong)
        {
            return tooLong;
        }
        var parsed = Routing.DialPlan.Parse(value);
        return parsed.IsSuccess
            ? null
            : ServiceResult.Fail(ServiceError.OutOfRange, field,
                $"Field '{field}' is not a valid dial plan {parsed.Describe()}.");
    }

    public static ServiceResult? Range(long? value, string field, long min, long max) =>
        value is { } v && (v < min || v > max)
            ? ServiceResult.Fail(ServiceError.OutOfRange, field, $"Field '{field}' must be between {min} and {max}.")
            : null;

    public static ServiceResult? OneOf(int? value, string field, params int[] allowed) =>
        value is { } v && Array.IndexOf(allowed, v) < 0
            ? ServiceResult.Fail(ServiceError.OutOfRange, field,
                $"Field '{field}' must be one of {string.Join(", ", allowed)}.")
            : null;

    public static ServiceResult? Finite(double? value, string field) =>
        value is { } v && !double.IsFinite(v)
            ? ServiceResult.Fail(ServiceError.OutOfRange, field, $"Field '{field}' must be a finite number.")
            : null;

    public static ServiceResult? NonNegative(double? value, string field) =>
        Finite(value, field) ?? (value is < 0
            ? ServiceResult.Fail(ServiceError.OutOfRange, field, $"Field '{field}' must not be negative.")
            : null);

    /// <summary>
    /// E164s become SIP user parts and registration keys, so only characters that need no escaping in a SIP URI
    /// user part are accepted (RFC 3261 §25.1 "unreserved" minus a few that confuse dial rules).
    /// </summary>
    public static ServiceResult? Number(string? value, string field)
    {
        if (Required(value, field) is { } missing)
        {
            return missing;
        }
        string text = value!;
        if (text.Length > 64)
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, field, $"Field '{field}' is longer than 64 characters.");
        }
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '*' or '#' or '-' or '_' or '.'))
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, field,
                    $"Field '{field}' may hold only letters, digits and + * # - _ .");
            }
        }
        return null;
    }

    /// <summary>Accounts are display identifiers (§3.1): any printable text, no control characters.</summary>
    public static ServiceResult? Identifier(string? value, string field)
    {
        if (Required(value, field) is { } missing)
        {
            return missing;
        }
        string text = value!;
        if (text.Any(char.IsControl) || text.Trim().Length != text.Length)
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, field,
                $"Field '{field}' must not hold control characters or surrounding spaces.");
        }
        return null;
    }
}

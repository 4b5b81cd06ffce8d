using System.Globalization;
using Softswitch.Core.Management;

namespace Softswitch.Core.Billing;

/// <summary>
/// The manual's zone-less date texts (yyyyMMddHHmmss in §3.46/§3.64, yyyyMMdd in §3.48-§3.50) read as the switch's
/// local time, as CdrService does for GetCdr, from the injected <see cref="TimeProvider"/>.
/// </summary>
internal static class BillingDates
{
    public const string SecondFormat = "yyyyMMddHHmmss";
    public const string DayFormat = "yyyyMMdd";

    public static ServiceResult? Parse(string? text, string format, string field, TimeProvider time, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrEmpty(text))
        {
            return ServiceResult.Fail(ServiceError.MissingField, field, $"Missing mandatory field '{field}'.");
        }
        if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, field, $"Field '{field}' must be a time as {format}.");
        }
        instant = Local(local, time);
        return null;
    }

    /// <summary>A wall-clock time of the switch's zone as an absolute instant.</summary>
    public static DateTimeOffset Local(DateTime wallClock, TimeProvider time)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, time.LocalTimeZone.GetUtcOffset(unspecified));
    }

    /// <summary>[begin, end] given to the second, as a half-open [from, to) range in ms.</summary>
    public static ServiceResult? SecondRange(string? beginTime, string? endTime, TimeProvider time, out long from, out long to)
    {
        from = to = 0;
        if (Parse(beginTime, SecondFormat, "beginTime", time, out var begin) is { } badBegin)
        {
            return badBegin;
        }
        if (Parse(endTime, SecondFormat, "endTime", time, out var end) is { } badEnd)
        {
            return badEnd;
        }
        if (end < begin)
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, "endTime", "Field 'endTime' is before 'beginTime'.");
        }
        from = begin.ToUnixTimeMilliseconds();
        to = end.AddSeconds(1).ToUnixTimeMilliseconds();
        return null;
    }
}

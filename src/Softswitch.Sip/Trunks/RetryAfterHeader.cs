using System.Globalization;

namespace Softswitch.Sip.Trunks;

/// <summary>Reads Retry-After (RFC 3261 §20.33: <c>delta-seconds [comment] *(";" retry-param)</c>).</summary>
public static class RetryAfterHeader
{
    /// <summary>The delta-seconds of <paramref name="value"/>; null when absent or not a number (ignored, never guessed).</summary>
    public static int? Seconds(string? value)
    {
        if (value is null)
        {
            return null;
        }
        ReadOnlySpan<char> text = value.AsSpan().Trim();
        int end = 0;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }
        // More than 9 digits would overflow int and is no sensible delay anyway.
        return end is > 0 and <= 9 && int.TryParse(text[..end], NumberStyles.None, CultureInfo.InvariantCulture, out int seconds)
            ? seconds
            : null;
    }
}

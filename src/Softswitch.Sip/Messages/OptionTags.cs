namespace Softswitch.Sip.Messages;

/// <summary>
/// Option tags of Supported, Require and Unsupported (RFC 3261 §19.2, §20.32, §20.37): a comma-separated list of
/// tokens, compared case-insensitively, possibly spread over several header lines.
/// </summary>
public static class OptionTags
{
    /// <summary>Reliable provisional responses and PRACK (RFC 3262 §3).</summary>
    public const string Reliable = "100rel";

    /// <summary>Session timers (RFC 4028 §3).</summary>
    public const string Timer = "timer";

    /// <summary>Whether any <paramref name="kind"/> header of <paramref name="headers"/> lists <paramref name="tag"/>.</summary>
    public static bool Has(SipHeaders headers, HeaderKind kind, string tag)
    {
        ArgumentNullException.ThrowIfNull(headers);
        for (int i = headers.IndexOf(kind); i >= 0; i = headers.IndexOf(kind, i + 1))
        {
            ReadOnlySpan<char> value = headers.ValueAt(i);
            foreach (var range in value.Split(','))
            {
                if (value[range].Trim().Equals(tag, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        return false;
    }
}

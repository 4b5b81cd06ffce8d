namespace Softswitch.Core.Routing;

/// <summary>
/// One compiled target: either a template (literals plus the specials '?' random digit, '$' copy input digit,
/// '*' copy what the original's star matched; escapes already resolved) or a range of same-width numbers.
/// Literal '?', '$', '*' cannot occur in a template because the grammar has no escape for them.
/// </summary>
internal sealed class DialPlanTarget
{
    private DialPlanTarget(string template, long low, long high, int rangeWidth)
    {
        Template = template;
        RangeLow = low;
        RangeHigh = high;
        RangeWidth = rangeWidth;
        foreach (char c in template)
        {
            switch (c)
            {
                case '$':
                    Dollars++;
                    break;
                case '*':
                    Stars++;
                    break;
                default:
                    Fixed++;
                    break;
            }
        }
    }

    public string Template { get; }

    /// <summary>Width of each range end, 0 for a template.</summary>
    public int RangeWidth { get; }

    public long RangeLow { get; }

    public long RangeHigh { get; }

    /// <summary>Symbols that always write one character (literals and '?').</summary>
    public int Fixed { get; }

    public int Dollars { get; }

    public int Stars { get; }

    public bool IsRange => RangeWidth > 0;

    public static DialPlanTarget FromTemplate(string template) => new(template, 0, 0, 0);

    public static DialPlanTarget FromRange(long low, long high, int width) => new("", low, high, width);

    /// <summary>How many characters this target writes for an input of <paramref name="inputLength"/>.</summary>
    public int OutputLength(int inputLength, int starLength) =>
        IsRange ? RangeWidth : Fixed + Math.Min(Dollars, inputLength) + Stars * starLength;

    /// <summary>Writes the target into <paramref name="destination"/>, which has <see cref="OutputLength"/> room.</summary>
    public int Write(ReadOnlySpan<char> number, ReadOnlySpan<char> star, Span<char> destination, Random random)
    {
        if (IsRange)
        {
            long pick = random.NextInt64(RangeLow, RangeHigh + 1);
            for (int i = RangeWidth - 1; i >= 0; i--)
            {
                destination[i] = (char)('0' + (int)(pick % 10));
                pick /= 10;
            }
            return RangeWidth;
        }
        int written = 0;
        int dollar = 0;
        foreach (char c in Template)
        {
            switch (c)
            {
                case '?':
                    destination[written++] = (char)('0' + random.Next(10));
                    break;
                case '$':
                    // The n-th '$' copies input digit n; past the end of the input it writes nothing.
                    if (dollar < number.Length)
                    {
                        destination[written++] = number[dollar];
                    }
                    dollar++;
                    break;
                case '*':
                    star.CopyTo(destination[written..]);
                    written += star.Length;
                    break;
                default:
                    destination[written++] = c;
                    break;
            }
        }
        return written;
    }
}

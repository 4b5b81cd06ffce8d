using System.Text;

namespace Softswitch.Core.Routing;

/// <summary>
/// Compiles the grammar of vos-routing §1 (docs/dial-plans.md "Grammar") into a <see cref="DialPlan"/>. A single
/// left-to-right pass over the text; the first fault ends the parse with its 1-based position. Never throws for bad
/// input, and every loop is bounded by <see cref="DialPlanLimits"/>.
/// </summary>
internal static class DialPlanParser
{
    public static DialPlanParseResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DialPlanParseResult.Success(DialPlan.Empty);
        }
        if (text.Length > DialPlanLimits.MaxTextLength)
        {
            return DialPlanParseResult.Failure(DialPlanFault.TextTooLong, DialPlanLimits.MaxTextLength + 1);
        }
        var rules = new List<DialPlanRule>();
        int start = 0;
        while (true)
        {
            int comma = text.IndexOf(',', start);
            int end = comma < 0 ? text.Length : comma;
            if (rules.Count == DialPlanLimits.MaxRules)
            {
                return DialPlanParseResult.Failure(DialPlanFault.TooManyRules, start + 1);
            }
            var fault = ParseRule(text, start, end, rules.Count, out var rule);
            if (fault is not null)
            {
                return fault;
            }
            rules.Add(rule!);
            if (comma < 0)
            {
                return DialPlanParseResult.Success(new DialPlan(text, [.. rules]));
            }
            start = comma + 1;
        }
    }

    /// <summary>Parses the rule in text[start..end) (spaces around it ignored).</summary>
    private static DialPlanParseResult? ParseRule(string text, int start, int end, int order, out DialPlanRule? rule)
    {
        rule = null;
        (start, end) = Trim(text, start, end);
        if (start == end)
        {
            return DialPlanParseResult.Failure(DialPlanFault.EmptyRule, start + 1);
        }
        int colon = text.IndexOf(':', start, end - start);
        if (colon < 0)
        {
            return DialPlanParseResult.Failure(DialPlanFault.MissingColon, start + 1);
        }
        int second = text.IndexOf(':', colon + 1, end - colon - 1);
        if (second >= 0)
        {
            return DialPlanParseResult.Failure(DialPlanFault.ExtraColon, second + 1);
        }
        var (os, oe) = Trim(text, start, colon);
        var fault = ParseOriginal(text, os, oe, out var original);
        if (fault is not null)
        {
            return fault;
        }
        var targets = new List<DialPlanTarget>();
        int from = colon + 1;
        while (true)
        {
            int semicolon = text.IndexOf(';', from, end - from);
            int to = semicolon < 0 ? end : semicolon;
            if (targets.Count == DialPlanLimits.MaxTargets)
            {
                return DialPlanParseResult.Failure(DialPlanFault.TooManyTargets, from + 1);
            }
            var (ts, te) = Trim(text, from, to);
            fault = text.AsSpan(ts, te - ts).Contains('-')
                ? ParseRange(text, ts, te, out var target)
                : ParseTemplate(text, ts, te, original.Star, out target);
            if (fault is not null)
            {
                return fault;
            }
            targets.Add(target!);
            if (semicolon < 0)
            {
                break;
            }
            from = semicolon + 1;
        }
        rule = new DialPlanRule(order, original.Pattern, original.Star, original.Length, original.Count, [.. targets]);
        return null;
    }

    /// <summary>original = { char | "?" } [ "*" ] [ length ]</summary>
    private static DialPlanParseResult? ParseOriginal(string text, int start, int end, out Original original)
    {
        original = default;
        var pattern = new StringBuilder();
        bool star = false;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (LengthOf(c) is { } length)
            {
                return ParseLength(text, i, end, pattern.ToString(), star, length, out original);
            }
            if (star)
            {
                return DialPlanParseResult.Failure(DialPlanFault.StarNotLast, i + 1);
            }
            if (c == '*')
            {
                star = true;
                continue;
            }
            if (ReadSymbol(text, ref i, end, allowed: "?") is { } bad)
            {
                return bad;
            }
            if (pattern.Length == DialPlanLimits.MaxNumberLength)
            {
                return DialPlanParseResult.Failure(DialPlanFault.PatternTooLong, i + 1);
            }
            pattern.Append(text[i]);
        }
        original = new Original(pattern.ToString(), star, DialPlanLength.None, 0);
        return null;
    }

    /// <summary>length = ("L" | "E" | "G" | "F") count, which must end the original.</summary>
    private static DialPlanParseResult? ParseLength(string text, int at, int end, string pattern, bool star,
        DialPlanLength length, out Original original)
    {
        original = default;
        int i = at + 1;
        int count = 0;
        while (i < end && char.IsAsciiDigit(text[i]))
        {
            count = count * 10 + (text[i] - '0');
            if (count > DialPlanLimits.MaxNumberLength)
            {
                return DialPlanParseResult.Failure(DialPlanFault.LengthCountTooLarge, at + 2);
            }
            i++;
        }
        if (i == at + 1)
        {
            return DialPlanParseResult.Failure(DialPlanFault.MissingLengthCount, at + 1);
        }
        if (i < end)
        {
            return DialPlanParseResult.Failure(DialPlanFault.LengthNotLast, i + 1);
        }
        original = new Original(pattern, star, length, count);
        return null;
    }

    /// <summary>target = { char | "?" | "$" | "*" }</summary>
    private static DialPlanParseResult? ParseTemplate(string text, int start, int end, bool originalStar, out DialPlanTarget? target)
    {
        target = null;
        var template = new StringBuilder();
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (LengthOf(c) is not null)
            {
                return DialPlanParseResult.Failure(DialPlanFault.LengthLetterInTarget, i + 1);
            }
            if (c == '*' && !originalStar)
            {
                return DialPlanParseResult.Failure(DialPlanFault.StarWithoutOriginalStar, i + 1);
            }
            if (ReadSymbol(text, ref i, end, allowed: "?$*") is { } bad)
            {
                return bad;
            }
            if (template.Length == DialPlanLimits.MaxNumberLength)
            {
                return DialPlanParseResult.Failure(DialPlanFault.PatternTooLong, i + 1);
            }
            template.Append(text[i]);
        }
        target = DialPlanTarget.FromTemplate(template.ToString());
        return null;
    }

    /// <summary>range = digits "-" digits, same width, low end first.</summary>
    private static DialPlanParseResult? ParseRange(string text, int start, int end, out DialPlanTarget? target)
    {
        target = null;
        int dash = text.IndexOf('-', start, end - start);
        for (int i = start; i < end; i++)
        {
            if (i != dash && !char.IsAsciiDigit(text[i]))
            {
                return DialPlanParseResult.Failure(DialPlanFault.RangeMalformed, i + 1);
            }
        }
        int width = dash - start;
        if (width == 0 || dash == end - 1)
        {
            return DialPlanParseResult.Failure(DialPlanFault.RangeMalformed, dash + 1);
        }
        if (end - dash - 1 != width)
        {
            return DialPlanParseResult.Failure(DialPlanFault.RangeWidthMismatch, dash + 2);
        }
        if (width > DialPlanLimits.MaxRangeWidth)
        {
            return DialPlanParseResult.Failure(DialPlanFault.RangeTooWide, start + 1);
        }
        long low = long.Parse(text.AsSpan(start, width), provider: null);
        long high = long.Parse(text.AsSpan(dash + 1, width), provider: null);
        if (low > high)
        {
            return DialPlanParseResult.Failure(DialPlanFault.RangeReversed, start + 1);
        }
        target = DialPlanTarget.FromRange(low, high, width);
        return null;
    }

    /// <summary>
    /// Checks the symbol at text[i]: a digit, an ASCII letter, '+', '#', one of <paramref name="allowed"/>, or an
    /// escape "\L" … "\F" (then <paramref name="i"/> moves onto the escaped letter, which is what is kept).
    /// </summary>
    private static DialPlanParseResult? ReadSymbol(string text, ref int i, int end, string allowed)
    {
        char c = text[i];
        if (c == '\\')
        {
            if (i + 1 < end && LengthOf(text[i + 1]) is not null)
            {
                i++;
                return null;
            }
            return DialPlanParseResult.Failure(DialPlanFault.BadEscape, i + 1);
        }
        return char.IsAsciiLetterOrDigit(c) || c is '+' or '#' || allowed.Contains(c)
            ? null
            : DialPlanParseResult.Failure(DialPlanFault.UnexpectedCharacter, i + 1);
    }

    /// <summary>The length condition an unescaped letter starts; upper case only (lower case letters are tags).</summary>
    private static DialPlanLength? LengthOf(char c) => c switch
    {
        'L' => DialPlanLength.Less,
        'E' => DialPlanLength.Equal,
        'G' => DialPlanLength.Greater,
        'F' => DialPlanLength.NotEqual,
        _ => null,
    };

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }
        return (start, end);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t';

    private readonly record struct Original(string Pattern, bool Star, DialPlanLength Length, int Count);
}

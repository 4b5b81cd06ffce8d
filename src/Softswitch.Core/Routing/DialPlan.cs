using System.Buffers;

namespace Softswitch.Core.Routing;

/// <summary>
/// A compiled set of dial-plan rules (rewriteRules* fields, ../docs/dial-plans.md, vos-routing §1): parse once with
/// <see cref="Parse"/>, then <see cref="Rewrite(string, Random)"/> on every call. Immutable and thread-safe. A rewrite
/// picks the rule with the longest original (ties to the rule written first), replaces the part of the number the
/// original consumed by one of the rule's targets, appends the unmatched tail, and never feeds its output back.
/// No regex, and nothing is allocated but the output string (none when no rule applies).
/// </summary>
public sealed class DialPlan
{
    /// <summary>The plan of an empty field: every number passes unchanged.</summary>
    public static readonly DialPlan Empty = new("", []);

    /// <summary>Above this many output characters the rewrite buffer comes from the pool instead of the stack.</summary>
    private const int StackLimit = 256;

    /// <summary>Rules by match length, longest first, then in written order: the first that matches wins.</summary>
    private readonly DialPlanRule[] _byPrecedence;

    internal DialPlan(string text, DialPlanRule[] rules)
    {
        Text = text;
        RuleCount = rules.Length;
        _byPrecedence = rules.OrderByDescending(r => r.Pattern.Length).ThenBy(r => r.Order).ToArray();
    }

    /// <summary>The text the plan was compiled from.</summary>
    public string Text { get; }

    public int RuleCount { get; }

    /// <summary>Compiles <paramref name="rules"/>; never throws for bad input (the result carries the fault).</summary>
    public static DialPlanParseResult Parse(string? rules) => DialPlanParser.Parse(rules);

    /// <summary>
    /// The written position (0 for the first rule) of the rule that applies to <paramref name="number"/>, or -1 when
    /// none does. For logs and tests.
    /// </summary>
    public int MatchingRule(ReadOnlySpan<char> number) => Find(number, out _) is { } rule ? rule.Order : -1;

    /// <summary>Rewrites with the shared random source.</summary>
    public string Rewrite(string number) => Rewrite(number, Random.Shared);

    /// <summary>
    /// Rewrites <paramref name="number"/>; <paramref name="random"/> picks among several targets, fills '?' and picks
    /// in ranges (inject a seeded or scripted one for deterministic tests). Returns the same instance when no rule
    /// applies or the output equals the input.
    /// </summary>
    public string Rewrite(string number, Random random)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(random);
        if (Find(number, out int consumed) is not { } rule)
        {
            return number;
        }
        var target = rule.Targets.Length == 1 ? rule.Targets[0] : rule.Targets[random.Next(rule.Targets.Length)];
        int starLength = rule.Star ? consumed - rule.Pattern.Length : 0;
        int tail = number.Length - consumed;
        int length = target.OutputLength(number.Length, starLength) + tail;
        char[]? rented = length > StackLimit ? ArrayPool<char>.Shared.Rent(length) : null;
        Span<char> buffer = rented is not null ? rented : stackalloc char[StackLimit];
        try
        {
            var input = number.AsSpan();
            int written = target.Write(input, input.Slice(rule.Pattern.Length, starLength), buffer, random);
            input[consumed..].CopyTo(buffer[written..]);
            var output = buffer[..length];
            return output.SequenceEqual(input) ? number : new string(output);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private DialPlanRule? Find(ReadOnlySpan<char> number, out int consumed)
    {
        foreach (var rule in _byPrecedence)
        {
            if (rule.TryMatch(number, out consumed))
            {
                return rule;
            }
        }
        consumed = 0;
        return null;
    }
}

namespace Softswitch.Core.Routing;

/// <summary>
/// One compiled rule: the original as a prefix pattern ('?' any digit, escapes resolved), an optional trailing
/// star, an optional length condition, and the targets. Immutable; matching allocates nothing.
/// </summary>
internal sealed class DialPlanRule
{
    public DialPlanRule(int order, string pattern, bool star, DialPlanLength length, int count, DialPlanTarget[] targets)
    {
        Order = order;
        Pattern = pattern;
        Star = star;
        Length = length;
        Count = count;
        Targets = targets;
    }

    /// <summary>Position of the rule in the text (0 for the first), the tie-breaker between equal lengths.</summary>
    public int Order { get; }

    /// <summary>Literals and '?' of the original; its length is the rule's match length (vos-routing §1).</summary>
    public string Pattern { get; }

    public bool Star { get; }

    public DialPlanLength Length { get; }

    public int Count { get; }

    public DialPlanTarget[] Targets { get; }

    /// <summary>
    /// Whether the rule applies to <paramref name="number"/>; when it does, <paramref name="consumed"/> is how much
    /// of the number the original took (pattern plus the star's run of digits).
    /// </summary>
    public bool TryMatch(ReadOnlySpan<char> number, out int consumed)
    {
        consumed = 0;
        if (number.Length < Pattern.Length || !LengthHolds(number.Length))
        {
            return false;
        }
        for (int i = 0; i < Pattern.Length; i++)
        {
            char p = Pattern[i];
            if (p == '?' ? !char.IsAsciiDigit(number[i]) : p != number[i])
            {
                return false;
            }
        }
        consumed = Pattern.Length;
        if (Star)
        {
            // The star is greedy over digits: it takes the whole run that follows the pattern (letters stop it).
            while (consumed < number.Length && char.IsAsciiDigit(number[consumed]))
            {
                consumed++;
            }
        }
        return true;
    }

    private bool LengthHolds(int length) => Length switch
    {
        DialPlanLength.Less => length < Count,
        DialPlanLength.Equal => length == Count,
        DialPlanLength.Greater => length > Count,
        DialPlanLength.NotEqual => length != Count,
        _ => true,
    };
}

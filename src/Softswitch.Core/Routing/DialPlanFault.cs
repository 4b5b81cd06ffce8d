namespace Softswitch.Core.Routing;

/// <summary>
/// Why a dial-plan text was refused (../docs/dial-plans.md "Refusals"). Each value has one sentence in
/// <see cref="DialPlanFaults.Describe"/>, which the management API returns with the position.
/// </summary>
public enum DialPlanFault
{
    None = 0,

    /// <summary>The whole text is longer than <see cref="DialPlanLimits.MaxTextLength"/>.</summary>
    TextTooLong,

    /// <summary>More than <see cref="DialPlanLimits.MaxRules"/> rules.</summary>
    TooManyRules,

    /// <summary>Nothing between two commas (or before/after one).</summary>
    EmptyRule,

    /// <summary>A rule without the ':' that separates the original from its targets.</summary>
    MissingColon,

    /// <summary>A second ':' in one rule.</summary>
    ExtraColon,

    /// <summary>A character the grammar does not allow at that place (a space inside a pattern, '%', …).</summary>
    UnexpectedCharacter,

    /// <summary>A '\' not followed by L, E, G or F.</summary>
    BadEscape,

    /// <summary>Something other than a length condition after the original's '*'.</summary>
    StarNotLast,

    /// <summary>A length letter (L, E, G, F) without a count after it.</summary>
    MissingLengthCount,

    /// <summary>A length count above <see cref="DialPlanLimits.MaxNumberLength"/>.</summary>
    LengthCountTooLarge,

    /// <summary>Something after the length condition, which must end the original.</summary>
    LengthNotLast,

    /// <summary>An original or a target longer than <see cref="DialPlanLimits.MaxNumberLength"/> symbols.</summary>
    PatternTooLong,

    /// <summary>More than <see cref="DialPlanLimits.MaxTargets"/> targets in one rule.</summary>
    TooManyTargets,

    /// <summary>An unescaped L, E, G or F in a target, where no length condition can stand.</summary>
    LengthLetterInTarget,

    /// <summary>A '*' in a target of a rule whose original has no '*' to copy.</summary>
    StarWithoutOriginalStar,

    /// <summary>A '-' that is not between two runs of digits.</summary>
    RangeMalformed,

    /// <summary>The two ends of a range have different widths.</summary>
    RangeWidthMismatch,

    /// <summary>The first end of a range is above the second.</summary>
    RangeReversed,

    /// <summary>The ends of a range are wider than <see cref="DialPlanLimits.MaxRangeWidth"/> digits.</summary>
    RangeTooWide,
}

namespace Softswitch.Core.Routing;

/// <summary>
/// Bounds that keep a stored dial plan from exploding at call time (docs/dial-plans.md "Limits"). A text within
/// them compiles to at most MaxRules × MaxTargets targets of at most MaxNumberLength symbols each.
/// </summary>
public static class DialPlanLimits
{
    /// <summary>The field's own limit: LongString (001_… §3 表格头域说明).</summary>
    public const int MaxTextLength = 65535;

    /// <summary>Rules in one field; matching scans them, so the bound is also the cost bound of a rewrite.</summary>
    public const int MaxRules = 1000;

    /// <summary>Targets chosen at random in one rule.</summary>
    public const int MaxTargets = 100;

    /// <summary>
    /// Symbols in an original (literals and '?') or in a target (each literal, '?', '$' and '*' counts one), and the
    /// largest length count: no number the API stores is longer (FieldRules.Number).
    /// </summary>
    public const int MaxNumberLength = 64;

    /// <summary>Digits of each end of a range: 18 keeps both ends, and the pick, inside a long (10^18 numbers).</summary>
    public const int MaxRangeWidth = 18;
}

namespace Softswitch.Core.Routing;

/// <summary>The sentence that explains each <see cref="DialPlanFault"/> to whoever wrote the rule.</summary>
public static class DialPlanFaults
{
    public static string Describe(DialPlanFault fault) => fault switch
    {
        DialPlanFault.None => "no fault",
        DialPlanFault.TextTooLong => $"the rules are longer than {DialPlanLimits.MaxTextLength} characters",
        DialPlanFault.TooManyRules => $"more than {DialPlanLimits.MaxRules} rules",
        DialPlanFault.EmptyRule => "empty rule (two commas in a row, or a comma at either end)",
        DialPlanFault.MissingColon => "a rule needs ':' between the original and its targets",
        DialPlanFault.ExtraColon => "a second ':' in one rule",
        DialPlanFault.UnexpectedCharacter =>
            "character not allowed here (digits, letters, + # ? * $, \\L \\E \\G \\F; spaces only around , : ;)",
        DialPlanFault.BadEscape => "'\\' may only escape L, E, G or F",
        DialPlanFault.StarNotLast => "'*' must end the original (only a length condition may follow it)",
        DialPlanFault.MissingLengthCount => "a length condition (L, E, G, F) needs a count after it",
        DialPlanFault.LengthCountTooLarge => $"a length count must be at most {DialPlanLimits.MaxNumberLength}",
        DialPlanFault.LengthNotLast => "a length condition must end the original",
        DialPlanFault.PatternTooLong => $"an original or a target is longer than {DialPlanLimits.MaxNumberLength} symbols",
        DialPlanFault.TooManyTargets => $"more than {DialPlanLimits.MaxTargets} targets in one rule",
        DialPlanFault.LengthLetterInTarget => "L, E, G and F are length conditions; write \\L, \\E, \\G, \\F for the letter",
        DialPlanFault.StarWithoutOriginalStar => "'*' in a target needs a '*' in the original",
        DialPlanFault.RangeMalformed => "a range is two runs of digits joined by one '-' and nothing else",
        DialPlanFault.RangeWidthMismatch => "the two ends of a range must have the same number of digits",
        DialPlanFault.RangeReversed => "the first end of a range must not be above the second",
        DialPlanFault.RangeTooWide => $"the ends of a range may have at most {DialPlanLimits.MaxRangeWidth} digits",
        _ => fault.ToString(),
    };
}

using Softswitch.Core.Routing;

namespace Softswitch.Tests.Core.Routing;

/// <summary>
/// Every fault the parser reports, with the 1-based position it names (docs/dial-plans.md "Refusals"), and the
/// limits that keep a stored plan from exploding. A refusal is a result, never an exception.
/// </summary>
public sealed class DialPlanRefusalsTests
{
    private static readonly object[] Refusals =
    [
        new object[] { "%%%not a rule%%%", DialPlanFault.MissingColon, 1 },
        new object[] { "%%%:1", DialPlanFault.UnexpectedCharacter, 1 },
        new object[] { "0:1,,2:3", DialPlanFault.EmptyRule, 5 },
        new object[] { "0:1,", DialPlanFault.EmptyRule, 5 },
        new object[] { ",0:1", DialPlanFault.EmptyRule, 1 },
        new object[] { "0:1, 25", DialPlanFault.MissingColon, 6 },
        new object[] { "0:1:2", DialPlanFault.ExtraColon, 4 },
        new object[] { "0 1:2", DialPlanFault.UnexpectedCharacter, 2 },
        new object[] { "01:2 3", DialPlanFault.UnexpectedCharacter, 5 },
        new object[] { "01:2%", DialPlanFault.UnexpectedCharacter, 5 },
        new object[] { "0$:1", DialPlanFault.UnexpectedCharacter, 2 },
        new object[] { "0é:1", DialPlanFault.UnexpectedCharacter, 2 },
        new object[] { "0\n1:1", DialPlanFault.UnexpectedCharacter, 2 },
        new object[] { "\\x:1", DialPlanFault.BadEscape, 1 },
        new object[] { "1:\\", DialPlanFault.BadEscape, 3 },
        new object[] { "1\\l:1", DialPlanFault.BadEscape, 2 },
        new object[] { "*1:1", DialPlanFault.StarNotLast, 2 },
        new object[] { "1**:1", DialPlanFault.StarNotLast, 3 },
        new object[] { "13E:1", DialPlanFault.MissingLengthCount, 3 },
        new object[] { "13E65:1", DialPlanFault.LengthCountTooLarge, 4 },
        new object[] { "13E999999999999:1", DialPlanFault.LengthCountTooLarge, 4 },
        new object[] { "13E11x:1", DialPlanFault.LengthNotLast, 6 },
        new object[] { "13E11L3:1", DialPlanFault.LengthNotLast, 6 },
        new object[] { "1:86L", DialPlanFault.LengthLetterInTarget, 5 },
        new object[] { "1:*", DialPlanFault.StarWithoutOriginalStar, 3 },
        new object[] { "1:2;*", DialPlanFault.StarWithoutOriginalStar, 5 },
        new object[] { "9:-5", DialPlanFault.RangeMalformed, 3 },
        new object[] { "9:5-", DialPlanFault.RangeMalformed, 4 },
        new object[] { "9:1-2-3", DialPlanFault.RangeMalformed, 6 },
        new object[] { "9:a1-21", DialPlanFault.RangeMalformed, 3 },
        new object[] { "9:1?-21", DialPlanFault.RangeMalformed, 4 },
        new object[] { "9:100-99", DialPlanFault.RangeWidthMismatch, 7 },
        new object[] { "9:1-1000000000", DialPlanFault.RangeWidthMismatch, 5 },
        new object[] { "9:8008121-8008100", DialPlanFault.RangeReversed, 3 },
        new object[] { "9:0000000000000000000-9999999999999999999", DialPlanFault.RangeTooWide, 3 },
    ];

    [TestCaseSource(nameof(Refusals))]
    public void IsRefusedWithTheFaultAndItsPosition(string rules, DialPlanFault fault, int position)
    {
        var result = DialPlan.Parse(rules);

        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.Plan, Is.Null);
        Assert.That((result.Fault, result.Position), Is.EqualTo((fault, position)), result.Describe());
        Assert.That(result.Describe(), Does.StartWith($"at position {position}: ").And.Contains(DialPlanFaults.Describe(fault)));
    }

    [Test]
    public void EveryFaultHasItsOwnSentence()
    {
        var sentences = Enum.GetValues<DialPlanFault>().Select(DialPlanFaults.Describe).ToArray();

        Assert.That(sentences, Is.Unique);
        Assert.That(sentences, Has.None.EqualTo(""));
    }

    [Test]
    public void TheRuleCountIsCapped()
    {
        string atLimit = string.Join(",", Enumerable.Range(0, DialPlanLimits.MaxRules).Select(i => $"{i}:"));
        string over = atLimit + ",x:";

        Assert.That(DialPlan.Parse(atLimit).Plan?.RuleCount, Is.EqualTo(DialPlanLimits.MaxRules));
        var refused = DialPlan.Parse(over);
        Assert.That((refused.Fault, refused.Position), Is.EqualTo((DialPlanFault.TooManyRules, atLimit.Length + 2)));
    }

    [Test]
    public void TheTargetCountIsCapped()
    {
        string atLimit = "1:" + string.Join(";", Enumerable.Repeat("2", DialPlanLimits.MaxTargets));

        Assert.That(DialPlan.Parse(atLimit).IsSuccess, Is.True);
        Assert.That(DialPlan.Parse(atLimit + ";3").Fault, Is.EqualTo(DialPlanFault.TooManyTargets));
    }

    [Test]
    public void PatternsAreCappedAtTheLongestNumber()
    {
        string longest = new('1', DialPlanLimits.MaxNumberLength);

        Assert.That(DialPlan.Parse($"{longest}:{longest}").IsSuccess, Is.True);
        Assert.That(DialPlan.Parse($"{longest}?:1"), Is.EqualTo(DialPlanParseResult.Failure(DialPlanFault.PatternTooLong, 65)));
        Assert.That(DialPlan.Parse($"1:{longest}$"), Is.EqualTo(DialPlanParseResult.Failure(DialPlanFault.PatternTooLong, 67)));
        Assert.That(DialPlan.Parse($"1:{new string('2', 200)}").Fault, Is.EqualTo(DialPlanFault.PatternTooLong));
    }

    [Test]
    public void TheWholeTextIsCappedAtTheFieldLength()
    {
        string huge = new('1', DialPlanLimits.MaxTextLength + 1);

        Assert.That(DialPlan.Parse(huge), Is.EqualTo(DialPlanParseResult.Failure(DialPlanFault.TextTooLong, DialPlanLimits.MaxTextLength + 1)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void NoRulesIsTheEmptyPlan(string? rules)
    {
        Assert.That(DialPlan.Parse(rules).Plan, Is.SameAs(DialPlan.Empty));
    }

    [Test]
    public void RandomTextNeverThrows()
    {
        var random = new Random(11);
        const string alphabet = "0123456789aLEGF?*$\\:;,- %";
        for (int i = 0; i < 5000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var result = DialPlan.Parse(text);
            Assert.That(result.IsSuccess ^ (result.Fault != DialPlanFault.None), Is.True, text);
            if (result.Plan is { } plan)
            {
                Assert.That(plan.Rewrite("0123456789", random), Is.Not.Null, text);
            }
            else
            {
                Assert.That(result.Position, Is.InRange(1, text.Length + 1), text);
            }
        }
    }
}

using Softswitch.Core.Routing;

namespace Softswitch.Tests.Core.Routing;

/// <summary>
/// Every worked example of vos-routing §1 ("Worked examples (tests must include them)") and docs/dial-plans.md,
/// plus the meaning of each symbol. Random choices come from <see cref="ScriptedRandom"/>.
/// </summary>
public sealed class DialPlanExamplesTests
{
    /// <summary>rules, input, expected output; no random draw happens in these.</summary>
    private static readonly object[] Examples =
    [
        new object[] { "0134:$$$", "0134131", "013131" },
        new object[] { "025:", "02584316146", "84316146" },
        new object[] { "0:0", "02584316146", "02584316146" },
        new object[] { "*:12345678", "02584316146", "12345678" },
        new object[] { "*:a*", "13800138000", "a13800138000" },
        new object[] { "a:", "a13800138000", "13800138000" },
        new object[] { "0:0,025:", "02584316146", "84316146" },
        new object[] { "0:0,025:", "01012345678", "01012345678" },
        new object[] { "13E11:8613", "13812345678", "8613812345678" },
        new object[] { "13E11:8613", "1381234", "1381234" },
        new object[] { "00:,0:86,:86755", "008522343318", "8522343318" },
        new object[] { "00:,0:86,:86755", "02083185711", "862083185711" },
        new object[] { "00:,0:86,:86755", "83185700", "8675583185700" },
    ];

    /// <summary>The meaning of each symbol, beyond the manual's table.</summary>
    private static readonly object[] Meanings =
    [
        new object[] { "025:", "0105555", "0105555" }, // no rule matches: unchanged
        new object[] { "", "0105555", "0105555" }, // an empty field has no rules
        new object[] { "0?5:", "0255", "5" }, // '?' matches one digit …
        new object[] { "0?5:", "0a55", "0a55" }, // … not a letter
        new object[] { "1:2,2:3", "1555", "2555" }, // the output is not fed back into the rules
        new object[] { "0:1,0:2", "0555", "1555" }, // equal length: the rule written first wins
        new object[] { "0*:9", "0123", "9" }, // a star takes the whole run of digits …
        new object[] { "0*:9*", "0123a45", "9123a45" }, // … stopping at a letter; the tail is appended
        new object[] { "9*:*", "9", "" }, // a star may match nothing
        new object[] { "*:**", "12", "1212" }, // each '*' in a target writes the match again
        new object[] { ":$$$$$", "12", "1212" }, // '$' past the end of the input writes nothing
        new object[] { "1L5:x", "1234", "x234" }, // L: shorter than
        new object[] { "1L4:x", "1234", "1234" },
        new object[] { "1G3:x", "1234", "x234" }, // G: longer than
        new object[] { "1G4:x", "1234", "1234" },
        new object[] { "1F4:x", "12345", "x2345" }, // F: any length but
        new object[] { "1F4:x", "1234", "1234" },
        new object[] { "E4:x", "1234", "x1234" }, // a length condition alone
        new object[] { "*E3:a*", "123", "a123" }, // after a star
        new object[] { "\\L1:\\E", "L123", "E23" }, // escaped letters are literals on both sides
        new object[] { "l1:e", "l123", "e23" }, // lower-case letters are tags, not conditions
        new object[] { "+86:0", "+8610", "010" }, // '+' and '#' are literals
        new object[] { " 0 : 9 , 1 : 8 ", "1000", "8000" }, // spaces around , : ; are ignored
        new object[] { "a:,b:", "b1", "1" },
        new object[] { "0:,01:7,012:", "01234", "34" }, // longest of three
        new object[] { "01:7,0??:8", "01234", "834" }, // '?' counts towards the match length
        new object[] { "a:", "A1", "A1" }, // tags are case-sensitive
    ];

    [TestCaseSource(nameof(Examples))]
    [TestCaseSource(nameof(Meanings))]
    public void RewritesAsDocumented(string rules, string input, string expected)
    {
        var plan = Compile(rules);

        Assert.That(plan.Rewrite(input, new ScriptedRandom()), Is.EqualTo(expected));
    }

    [Test]
    public void SeveralTargetsArePickedAtRandomPerCall()
    {
        var plan = Compile("123456:84912345678;84987654321");
        var random = new ScriptedRandom(1, 0);

        Assert.That(plan.Rewrite("123456", random), Is.EqualTo("84987654321"));
        Assert.That(plan.Rewrite("123456", random), Is.EqualTo("84912345678"));
        Assert.That(random.Asked, Is.EqualTo(new[] { (0L, 2L), (0L, 2L) }));
    }

    [Test]
    public void ARangeTargetPicksANumberOfTheSameWidth()
    {
        var plan = Compile("9:8008100-8008121");
        var random = new ScriptedRandom(8008100, 8008121, 8008117);

        Assert.That(plan.Rewrite("9", random), Is.EqualTo("8008100"));
        Assert.That(plan.Rewrite("9", random), Is.EqualTo("8008121"));
        Assert.That(plan.Rewrite("9555", random), Is.EqualTo("8008117555"), "the tail follows the picked number");
        Assert.That(random.Asked, Has.All.EqualTo((8008100L, 8008122L)), "both ends are included");
    }

    [Test]
    public void ARangeKeepsItsLeadingZeros()
    {
        var random = new ScriptedRandom(7);

        Assert.That(Compile("9:000-099").Rewrite("9", random), Is.EqualTo("007"));
    }

    [Test]
    public void ABillionWideRangeIsPickedWithoutEnumeratingIt()
    {
        var random = new ScriptedRandom(123_456_789);

        Assert.That(Compile("9:0000000000-9999999999").Rewrite("9", random), Is.EqualTo("0123456789"));
        Assert.That(random.Asked, Is.EqualTo(new[] { (0L, 10_000_000_000L) }));
    }

    [Test]
    public void AQuestionMarkInATargetWritesARandomDigit()
    {
        var random = new ScriptedRandom(4, 0);

        Assert.That(Compile("0:1??").Rewrite("0555", random), Is.EqualTo("140555"));
        Assert.That(random.Asked, Has.All.EqualTo((0L, 10L)));
    }

    [Test]
    public void TheSharedRandomSourceStaysWithinTheTargets()
    {
        var plan = Compile("5:1;2;3");
        var seen = Enumerable.Range(0, 200).Select(_ => plan.Rewrite("5")).ToHashSet();

        Assert.That(seen, Is.SubsetOf(new[] { "1", "2", "3" }));
    }

    [Test]
    public void AnUnchangedNumberIsTheSameInstance()
    {
        const string number = "02584316146";

        Assert.That(Compile("0:0").Rewrite(number, new ScriptedRandom()), Is.SameAs(number));
        Assert.That(Compile("1:").Rewrite(number, new ScriptedRandom()), Is.SameAs(number));
    }

    [Test]
    public void MatchingRuleReportsTheWrittenPosition()
    {
        var plan = Compile("0:0,025:,:86755");

        Assert.That(plan.MatchingRule("02512"), Is.EqualTo(1));
        Assert.That(plan.MatchingRule("0101"), Is.Zero);
        Assert.That(plan.MatchingRule("555"), Is.EqualTo(2));
        Assert.That(Compile("1:").MatchingRule("555"), Is.EqualTo(-1));
        Assert.That(plan.RuleCount, Is.EqualTo(3));
    }

    [Test]
    public void ALongOutputUsesThePoolAndIsStillExact()
    {
        string sixtyFour = new('7', 64);
        var plan = Compile("*:" + string.Concat(Enumerable.Repeat("*", 8)));
        string input = new('1', 40);

        Assert.That(plan.Rewrite(input, new ScriptedRandom()), Is.EqualTo(string.Concat(Enumerable.Repeat(input, 8))));
        Assert.That(Compile("1:" + sixtyFour).Rewrite(input, new ScriptedRandom()), Is.EqualTo(sixtyFour + input[1..]));
    }

    [Test]
    public void ARewriteAllocatesOnlyTheOutputString()
    {
        var plan = Compile("0:0,025:,00:,0:86,:86755,13E11:8613");
        var random = new ScriptedRandom();
        plan.Rewrite("02584316146", random);
        plan.Rewrite("99", random);

        long before = GC.GetAllocatedBytesForCurrentThread();
        string changed = plan.Rewrite("02584316146", random);
        long afterChanged = GC.GetAllocatedBytesForCurrentThread();
        string unchanged = plan.Rewrite("0101", random);
        long afterUnchanged = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(changed, Is.EqualTo("84316146"));
        Assert.That(unchanged, Is.EqualTo("0101"));
        Assert.That(afterChanged - before, Is.LessThanOrEqualTo(22 + 2 * changed.Length + 8), "one string of 8 chars");
        Assert.That(afterUnchanged - afterChanged, Is.Zero);
    }

    internal static DialPlan Compile(string rules)
    {
        var result = DialPlan.Parse(rules);
        Assert.That(result.IsSuccess, Is.True, result.Describe());
        return result.Plan!;
    }
}

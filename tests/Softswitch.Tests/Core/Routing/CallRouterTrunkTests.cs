using Softswitch.Core.Billing;
using Softswitch.Core.Calls;
using Softswitch.Core.Gateways;
using Softswitch.Core.Numbers;
using Softswitch.Core.Routing;

namespace Softswitch.Tests.Core.Routing;

/// <summary>Calls from mapping gateways (docs/routing.md "Mapping gateways"): admission, each check, number handling.</summary>
public sealed class CallRouterTrunkTests
{
    private RouterFixture _f = null!;

    [SetUp]
    public void SetUp()
    {
        _f = new RouterFixture();
        _f.Routing("out", "");
    }

    [TearDown]
    public void TearDown() => _f.Dispose();

    private RouteRefusal Refused(CallFacts facts)
    {
        var decision = _f.Route(facts);
        Assert.That(decision.IsRouted, Is.False, () => $"expected a refusal, got {decision.Plan?.Attempts.Count} attempts");
        return decision.Refusal!;
    }

    private EndReason ReasonWith(Func<MappingGateway, MappingGateway> configure, string caller, string callee)
    {
        _f.Mapping("in", configure);
        var decision = _f.Route(_f.FromTrunk("in", caller, callee));
        return decision.IsRouted ? default : decision.Refusal!.Reason;
    }

    [Test]
    public void AStaticGatewayIsIdentifiedByItsSourceAddress()
    {
        _f.Mapping("in", g => g with { RemoteIps = "198.51.100.1, 198.51.100.2:5070" });
        _f.Mapping("strict", g => g with { RemoteIps = "198.51.100.9, 198.51.100.10:5071", SipAuthenticationMethod = 1 });
        _f.Mapping("dyn", g => g with { RemoteIps = "198.51.100.20", RegisterType = GatewayRegisterType.Dynamic });

        Assert.That(_f.Router.IdentifyTrunk("198.51.100.1", 33333), Is.EqualTo(new CallerIdentity(CallerKind.StaticGateway, "in")));
        Assert.That(_f.Router.IdentifyTrunk("198.51.100.2", 5070)?.Name, Is.EqualTo("in"));
        Assert.That(_f.Router.IdentifyTrunk("198.51.100.2", 5071), Is.Null, "an ip:port entry matches that port only");
        Assert.That(_f.Router.IdentifyTrunk("198.51.100.9", 5060)?.Name, Is.EqualTo("strict"));
        Assert.That(_f.Router.IdentifyTrunk("198.51.100.9", 5061), Is.Null, "sipAuthenticationMethod 1: a bare ip means port 5060");
        Assert.That(_f.Router.IdentifyTrunk("198.51.100.10", 5071)?.Name, Is.EqualTo("strict"));
        Assert.That(_f.Router.IdentifyTrunk("198.51.100.20", 5060), Is.Null, "a dynamic gateway must authenticate");
        Assert.That(_f.Router.IdentifyTrunk("203.0.113.99", 5060), Is.Null, "unknown source");
    }

    [Test]
    public void StaticAndDynamicGatewaysAreAdmittedAndNamedInThePlan()
    {
        _f.Mapping("in");
        _f.Mapping("dyn", g => g with { RegisterType = GatewayRegisterType.Dynamic });

        var plan = _f.Route(_f.FromTrunk("in", "02011112222", "13800138000")).Plan!;
        var dynamicPlan = _f.Route(_f.FromTrunk("dyn", "1", "2", CallerKind.DynamicGateway)).Plan!;

        Assert.That((plan.CallerGateway, plan.CallerNumber, plan.CalleeNumber), Is.EqualTo(("in", "02011112222", "13800138000")));
        Assert.That(plan.Payer!.Account.Account, Is.EqualTo("acme"));
        Assert.That(plan.Attempts.Single().GatewayName, Is.EqualTo("out"));
        Assert.That(dynamicPlan.CallerGateway, Is.EqualTo("dyn"));
    }

    [Test]
    public void SourcesThatAreNotTheKindTheyClaimAreRefused()
    {
        _f.Mapping("in");
        _f.Mapping("dyn", g => g with { RegisterType = GatewayRegisterType.Dynamic });

        Assert.That(Refused(_f.FromTrunk("nobody", "1", "2")).Reason, Is.EqualTo(EndReason.UnknownSource));
        Assert.That(Refused(_f.FromTrunk("dyn", "1", "2", CallerKind.StaticGateway)).Reason, Is.EqualTo(EndReason.UnknownSource));
        Assert.That(Refused(_f.FromTrunk("in", "1", "2", CallerKind.DynamicGateway)).Reason, Is.EqualTo(EndReason.UnknownSource));
    }

    [Test]
    public void LockAndCapacityComeFirst()
    {
        Assert.That(ReasonWith(g => g with { LockType = GatewayLockType.All }, "1", "2"), Is.EqualTo(EndReason.CallerGatewayLocked));
        Assert.That(ReasonWith(g => g with { LockType = GatewayLockType.CallOut }, "1", "2"), Is.EqualTo(EndReason.CallerGatewayLocked));
        Assert.That(ReasonWith(g => g with { LockType = GatewayLockType.CallIn }, "1", "2"), Is.EqualTo(default(EndReason)), "lockType 2 locks calls to it, not from it");
        _f.LiveCalls.Gateways["in"] = 3;
        Assert.That(ReasonWith(g => g with { Capacity = 3 }, "1", "2"), Is.EqualTo(EndReason.CallerGatewayFull));
        Assert.That(ReasonWith(g => g with { Capacity = 4 }, "1", "2"), Is.EqualTo(default(EndReason)));
    }

    [TestCase("", EndReason.MalformedCallee, "is empty")]
    [TestCase("12a45", EndReason.MalformedCallee, "'a' at position 3")]
    [TestCase("1 2", EndReason.MalformedCallee, "position 2")]
    [TestCase("12+3", EndReason.MalformedCallee, "'+' at position 3")]
    [TestCase("1\r\n2", EndReason.MalformedCallee, "'?' at position 2")]
    public void MalformedCalleesAreRefusedPrecisely(string callee, EndReason reason, string detail)
    {
        _f.Mapping("in");
        var refusal = Refused(_f.FromTrunk("in", "1", callee));
        Assert.That(refusal.Reason, Is.EqualTo(reason));
        Assert.That(refusal.Detail, Does.Contain(detail));
        Assert.That(refusal.Detail, Does.Not.Contain("\n"), "hostile text never reaches a log line raw");
    }

    [Test]
    public void OverlongAndLetteredNumbersAreRefusedButAnonymousCallersPass()
    {
        _f.Mapping("in");
        var tooLong = Refused(_f.FromTrunk("in", "1", new string('9', 200)));
        Assert.That((tooLong.Reason, tooLong.Detail), Is.EqualTo((EndReason.MalformedCallee, tooLong.Detail)));
        Assert.That(tooLong.Detail, Does.Contain("200 characters"));
        Assert.That(Refused(_f.FromTrunk("in", "abc", "2")).Reason, Is.EqualTo(EndReason.MalformedCaller));
        Assert.That(Refused(_f.FromTrunk("in", new string('1', 65), "2")).Reason, Is.EqualTo(EndReason.MalformedCaller));
        Assert.That(_f.Route(_f.FromTrunk("in", "Anonymous", "2")).Plan!.CallerNumber, Is.Empty);
        Assert.That(_f.Route(_f.FromTrunk("in", "+8613800138000", "*86#")).IsRouted, Is.True);
    }

    [Test]
    public void CalleeRestrictTellsPhonesFromOtherNumbers()
    {
        _f.Phone("1002");
        Assert.That(ReasonWith(g => g with { CalleeE164Restrict = 1 }, "1", "555"), Is.EqualTo(EndReason.CalleeMustBePhone));
        Assert.That(ReasonWith(g => g with { CalleeE164Restrict = 1 }, "1", "1002"), Is.EqualTo(default(EndReason)));
        Assert.That(ReasonWith(g => g with { CalleeE164Restrict = 2 }, "1", "1002"), Is.EqualTo(EndReason.CalleeMustNotBePhone));
    }

    [Test]
    public void NumberTypesUseTheMobileAreaTable()
    {
        _f.MobileArea("1380013", "10");
        _f.MobileArea("1390025", "25");
        Func<MappingGateway, MappingGateway> noMobileCallee = g => g with { CalleeE164CheckEnable = true, CalleeE164CheckMobile = false };
        Func<MappingGateway, MappingGateway> cityCallerOnly = g => g with { CallerE164CheckEnable = true, CallerE164CheckMobile = false, CallerE164CheckOther = false };

        Assert.That(ReasonWith(noMobileCallee, "1", "13800138000"), Is.EqualTo(EndReason.CalleeTypeDenied));
        Assert.That(ReasonWith(noMobileCallee, "1", "013800138000"), Is.EqualTo(EndReason.CalleeTypeDenied), "a mobile with a trunk 0");
        Assert.That(ReasonWith(noMobileCallee, "1", "02584316146"), Is.EqualTo(default(EndReason)), "a city number");
        Assert.That(ReasonWith(cityCallerOnly, "01012345678", "2"), Is.EqualTo(default(EndReason)));
        Assert.That(ReasonWith(cityCallerOnly, "12345", "2"), Is.EqualTo(EndReason.CallerTypeDenied), "other");
        Assert.That(ReasonWith(cityCallerOnly, "13900250000", "2"), Is.EqualTo(EndReason.CallerTypeDenied), "mobile");
    }

    [Test]
    public void PrefixListsAllowOrDeny()
    {
        Assert.That(ReasonWith(g => g with { CalloutCalleePrefixes = "00,011", CalloutCalleePrefixesAllow = false }, "1", "0044"), Is.EqualTo(EndReason.CalleePrefixDenied));
        Assert.That(ReasonWith(g => g with { CalloutCalleePrefixes = "00,011", CalloutCalleePrefixesAllow = false }, "1", "0144"), Is.EqualTo(default(EndReason)));
        Assert.That(ReasonWith(g => g with { CalloutCalleePrefixes = "0", CalloutCalleePrefixesAllow = true }, "1", "144"), Is.EqualTo(EndReason.CalleePrefixDenied));
        Assert.That(ReasonWith(g => g with { CalloutCallerPrefixes = "86", CalloutCallerPrefixesAllow = true }, "8610", "2"), Is.EqualTo(default(EndReason)));
        Assert.That(ReasonWith(g => g with { CalloutCallerPrefixes = "86", CalloutCallerPrefixesAllow = true }, "8510", "2"), Is.EqualTo(EndReason.CallerPrefixDenied));
        Assert.That(ReasonWith(g => g with { CalloutCallerPrefixes = " , ", CalloutCallerPrefixesAllow = true }, "8510", "2"), Is.EqualTo(default(EndReason)), "an empty list restricts nothing");
    }

    [Test]
    public void LengthMasksAllowLengthsByBit()
    {
        Assert.That(ReasonWith(g => g with { CalleeAllowLength = 1 << 11 }, "1", "13800138000"), Is.EqualTo(default(EndReason)));
        Assert.That(ReasonWith(g => g with { CalleeAllowLength = 1 << 11 }, "1", "1380013800"), Is.EqualTo(EndReason.CalleeLengthDenied));
        Assert.That(ReasonWith(g => g with { CallerAllowLength = (1 << 4) | (1 << 8) }, "1234", "2"), Is.EqualTo(default(EndReason)));
        Assert.That(ReasonWith(g => g with { CallerAllowLength = (1 << 4) | (1 << 8) }, "12345", "2"), Is.EqualTo(EndReason.CallerLengthDenied));
        Assert.That(ReasonWith(g => g with { CallerAllowLength = 1 << 4 }, new string('1', 40), "2"), Is.EqualTo(EndReason.CallerLengthDenied), "lengths past 31 have no bit");
    }

    [Test]
    public void LimitNumberGroupsAllowOrDeny()
    {
        _f.NumberGroup("bad", "666");
        _f.NumberGroup("ok", "777", "778");
        Assert.That(ReasonWith(g => g with { CallerLimitE164Groups = "bad", CallerLimitE164GroupsAllow = false }, "666", "2"), Is.EqualTo(EndReason.CallerGroupDenied));
        Assert.That(ReasonWith(g => g with { CallerLimitE164Groups = "bad", CallerLimitE164GroupsAllow = false }, "667", "2"), Is.EqualTo(default(EndReason)));
        Assert.That(ReasonWith(g => g with { CalleeLimitE164Groups = "bad,ok", CalleeLimitE164GroupsAllow = true }, "1", "778"), Is.EqualTo(default(EndReason)));
        Assert.That(ReasonWith(g => g with { CalleeLimitE164Groups = "bad,ok", CalleeLimitE164GroupsAllow = true }, "1", "779"), Is.EqualTo(EndReason.CalleeGroupDenied));
    }

    [Test]
    public void SameCityAndMobileAreaChecks()
    {
        _f.MobileArea("1390025", "25");
        _f.MobileArea("1380010", "10");
        Func<MappingGateway, MappingGateway> noSameCity = g => g with { DenySameCityCodes = "25", DenySameCityCodesAllow = false };

        Assert.That(ReasonWith(noSameCity, "02584316146", "13900250000"), Is.EqualTo(EndReason.SameCityDenied));
        Assert.That(ReasonWith(noSameCity, "01084316146", "13800100000"), Is.EqualTo(default(EndReason)), "Beijing is not listed");
        Assert.That(ReasonWith(noSameCity, "02584316146", "13800100000"), Is.EqualTo(default(EndReason)), "not the same city");
        Assert.That(ReasonWith(g => g with { CheckMobileArea = "10", CheckMobileAreaAllow = false }, "1", "13800100000"), Is.EqualTo(EndReason.MobileAreaDenied));
        Assert.That(ReasonWith(g => g with { CheckMobileArea = "10", CheckMobileAreaAllow = false }, "1", "13900250000"), Is.EqualTo(default(EndReason)));
        Assert.That(ReasonWith(g => g with { CheckMobileArea = "10", CheckMobileAreaAllow = true }, "1", "13900250000"), Is.EqualTo(EndReason.MobileAreaDenied));
        Assert.That(ReasonWith(g => g with { CheckMobileArea = "10", CheckMobileAreaAllow = true }, "1", "02584316146"), Is.EqualTo(default(EndReason)), "not a mobile");
    }

    [Test]
    public void CallLevelAgainstTheRateOfTheGatewaysAccount()
    {
        _f.Customer("acme", feeRateGroup: "retail");
        _f.Rates("retail", ("00", 1m, FeeRateType.International), ("0", 0.1m, FeeRateType.National), ("8", 0.01m, FeeRateType.Local));

        Assert.That(ReasonWith(g => g with { CallLevel = 2 }, "1", "0201234"), Is.EqualTo(EndReason.CallLevelDenied));
        Assert.That(ReasonWith(g => g with { CallLevel = 2 }, "1", "81234"), Is.EqualTo(default(EndReason)));
        Assert.That(ReasonWith(g => g with { CallLevel = 5 }, "1", "00441234"), Is.EqualTo(default(EndReason)));
        Assert.That(ReasonWith(g => g with { CallLevel = 1 }, "1", "5555"), Is.EqualTo(EndReason.NoFeeRate), "no rate: refused by billing");
    }

    [Test]
    public void NumberHandlingRunsRulesThenConversionThenMobileAreaThenProportions()
    {
        _f.MobileArea("1380010", "10");
        _f.Numbers.PutE164Convert(new E164Convert(1, "4001", "8613800100000", "", ""));
        _f.Mapping("in", g => g with
        {
            RewriteRulesOutCaller = "+:", RewriteRulesOutCallee = "0086:",
            GroupE164Change = true, RewriteRulesInMobileArea = "10", RewriteRulesInMobileAreaAllow = true,
            ProportionCalleePrefixs = [new ProportionCalleePrefix { Proportion = 100, AddPrefix = "a" }],
        });

        var plan = _f.Route(_f.FromTrunk("in", "+8613800100000", "008613800100000")).Plan!;

        Assert.That(plan.CallerNumber, Is.EqualTo("4001"), "rules strip '+', then the E164Convert row maps the caller");
        Assert.That(plan.CalleeNumber, Is.EqualTo("a01013800100000"), "rules, area code 010, then the proportion prefix (a tag)");
        Assert.That(plan.RatingCallee, Is.EqualTo("01013800100000"), "rating ignores routing tags");
    }

    [Test]
    public void ProportionsPickPrefixesByShare()
    {
        _f.Mapping("in", g => g with
        {
            ProportionCalleePrefixs = [new ProportionCalleePrefix { Proportion = 30, AddPrefix = "7" }, new ProportionCalleePrefix { Proportion = 20, AddPrefix = "8" }],
        });
        var prefixes = Enumerable.Range(0, 2000).Select(_ => _f.Route(_f.FromTrunk("in", "1", "555")).Plan!.CalleeNumber[0]).ToArray();

        Assert.That(prefixes.Count(c => c == '7'), Is.InRange(480, 720));
        Assert.That(prefixes.Count(c => c == '8'), Is.InRange(300, 500));
        Assert.That(prefixes.Count(c => c == '5'), Is.InRange(880, 1120), "half the calls get no prefix");
    }

    [Test]
    public void PayerFollowsTheBillingSwitches()
    {
        _f.Customer("phones");
        _f.Phone("1001", account: "phones");
        _f.Mapping("in", g => g with { AllowPhoneBilling = true });

        Assert.That(_f.Route(_f.FromTrunk("in", "1001", "2")).Plan!.Payer!.Account.Account, Is.EqualTo("phones"));
        Assert.That(_f.Route(_f.FromTrunk("in", "1999", "2")).Plan!.Payer!.Account.Account, Is.EqualTo("acme"));
        _f.Customer("acme", locked: true);
        Assert.That(Refused(_f.FromTrunk("in", "1999", "2")).Reason, Is.EqualTo(EndReason.CallerForbidden));
    }

    [Test]
    public void EnablePhoneSettingHandsTheCallToThePhonesRules()
    {
        _f.Phone("1001", p => p with { RewriteRulesOutCallee = "9:", LockType = Softswitch.Core.Phones.PhoneLockType.None });
        _f.Phone("1002");
        _f.Mapping("in", g => g with { EnablePhoneSetting = true, CalleeE164Restrict = 2 });

        var plan = _f.Route(_f.FromTrunk("in", "1001", "91002")).Plan!;

        Assert.That((plan.Phone!.E164, plan.CallerGateway, plan.CallerPhone), Is.EqualTo(("1002", "in", "1001")));
    }

    [Test]
    public void GatewayDurationBoundsCapThePlan()
    {
        _f.Mapping("in", g => g with { MaxCallDurationLower = 60, MaxCallDurationUpper = 120 });
        var caps = Enumerable.Range(0, 50).Select(_ => _f.Route(_f.FromTrunk("in", "1", "2")).Plan!.MaxDuration!.Value.TotalSeconds).ToArray();
        Assert.That(caps, Is.All.InRange(60, 120));
        Assert.That(caps.Distinct().Count(), Is.GreaterThan(1));

        _f.Mapping("in", g => g with { MaxCallDurationLower = 0, MaxCallDurationUpper = 0 });
        Assert.That(_f.Route(_f.FromTrunk("in", "1", "2")).Plan!.MaxDuration, Is.Null);
    }
}

using Softswitch.Core.Billing;
using Softswitch.Core.Calls;
using Softswitch.Core.Numbers;
using Softswitch.Core.Phones;
using Softswitch.Core.Routing;

namespace Softswitch.Tests.Core.Routing;

/// <summary>Calls from phones (docs/routing.md "Phones"): what B2bua.Admit decided, plus the phone's own rules.</summary>
public sealed class CallRouterPhoneTests
{
    private RouterFixture _f = null!;

    [SetUp]
    public void SetUp() => _f = new RouterFixture();

    [TearDown]
    public void TearDown() => _f.Dispose();

    private RouteRefusal Refused(CallFacts facts)
    {
        var decision = _f.Route(facts);
        Assert.That(decision.IsRouted, Is.False, "expected a refusal");
        return decision.Refusal!;
    }

    [Test]
    public void APhoneCallingARegisteredPhoneGetsItsContactsAndPaysThroughItsAccount()
    {
        _f.Phone("1001");
        _f.Phone("1002");
        _f.Register("1002", "192.0.2.60", 5070);

        var plan = _f.Route(_f.FromPhone("1001", "1002")).Plan!;

        Assert.That(plan.Phone!.E164, Is.EqualTo("1002"));
        Assert.That(plan.Phone.Contacts.Select(c => (c.ContactUri, c.Transport, c.Ip, c.Port)), Is.EquivalentTo(new[]
        {
            ("sip:1002@192.0.2.50:5062", "UDP", "192.0.2.50", 5062), ("sip:1002@192.0.2.60:5070", "UDP", "192.0.2.60", 5070),
        }));
        Assert.That(plan.Attempts, Is.Empty);
        Assert.That((plan.CallerNumber, plan.CalleeNumber, plan.CallerPhone, plan.CallerGateway), Is.EqualTo(("1001", "1002", "1001", (string?)null)));
        Assert.That(plan.Payer!.Account.Account, Is.EqualTo("acme"));
        Assert.That(plan.Deadline, Is.EqualTo(_f.Time.GetUtcNow() + _f.Options.SetupDeadline));
    }

    [Test]
    public void AdmissionRefusalsOfTodayKeepTheirReasons()
    {
        _f.Phone("1001");
        _f.Phone("1003", p => p with { LockType = PhoneLockType.CallIn });
        _f.Phone("1004", register: false);
        _f.Phone("1005", p => p with { LockType = PhoneLockType.CallOut });

        Assert.That(Refused(_f.FromPhone("1001", "1999")).Reason, Is.EqualTo(EndReason.NumberNotFound));
        Assert.That(Refused(_f.FromPhone("1001", "1003")).Reason, Is.EqualTo(EndReason.CalleeLocked));
        Assert.That(Refused(_f.FromPhone("1001", "1004")).Reason, Is.EqualTo(EndReason.CalleeNotRegistered));
        Assert.That(Refused(_f.FromPhone("1005", "1001")).Reason, Is.EqualTo(EndReason.CallerForbidden));
        Assert.That(Refused(_f.FromPhone("1777", "1001")).Reason, Is.EqualTo(EndReason.CallerForbidden), "unknown phone");
    }

    [Test]
    public void ALockedAccountCannotCall()
    {
        _f.Customer("late", locked: true);
        _f.Phone("1001", account: "late");
        _f.Phone("1002");

        Assert.That(Refused(_f.FromPhone("1001", "1002")).Reason, Is.EqualTo(EndReason.CallerForbidden));
    }

    [Test]
    public void LineLimitsCountOtherLiveCalls()
    {
        _f.Phone("1001", p => p with { LineCallOut = 1 });
        _f.Phone("1002", p => p with { LineCapacity = 2 });
        _f.LiveCalls.Phones["1001"] = (1, 0);

        Assert.That(Refused(_f.FromPhone("1001", "1002")).Reason, Is.EqualTo(EndReason.CallerLineLimit));
        _f.LiveCalls.Phones["1001"] = (0, 5);
        Assert.That(_f.Route(_f.FromPhone("1001", "1002")).IsRouted, Is.True, "lineCallOut counts calls out only");
        _f.LiveCalls.Phones["1002"] = (1, 1);
        Assert.That(Refused(_f.FromPhone("1001", "1002")).Reason, Is.EqualTo(EndReason.CalleeLineLimit));
    }

    [Test]
    public void AStaticAddressPhoneIsReachedAtItsAddressAndRecognisedByIt()
    {
        _f.Phone("1001");
        _f.Phone("1010", p => p with { Additional = new PhoneAdditional { RegisterType = 0, Ip = "192.0.2.77", Port = 5080 } }, register: false);
        _f.Phone("1011", p => p with { Additional = new PhoneAdditional { RegisterType = 0, Ip = "192.0.2.78", Port = 5090, SipAuthenticationMethod = 1 } }, register: false);

        var contact = _f.Route(_f.FromPhone("1001", "1010")).Plan!.Phone!.Contacts.Single();

        Assert.That((contact.ContactUri, contact.Ip, contact.Port), Is.EqualTo(("sip:1010@192.0.2.77:5080", "192.0.2.77", 5080)));
        Assert.That(_f.Router.IdentifyTrunk("192.0.2.77", 40000), Is.EqualTo(new CallerIdentity(CallerKind.StaticPhone, "1010")));
        Assert.That(_f.Router.IdentifyTrunk("192.0.2.78", 5090)?.Name, Is.EqualTo("1011"));
        Assert.That(_f.Router.IdentifyTrunk("192.0.2.78", 5091), Is.Null, "sipAuthenticationMethod 1 checks the port");
        var fromStatic = new CallFacts { Caller = new CallerIdentity(CallerKind.StaticPhone, "1010"), CalleeNumber = "1001", Time = _f.Time.GetUtcNow() };
        Assert.That(_f.Route(fromStatic).Plan!.CallerNumber, Is.EqualTo("1010"));
    }

    [Test]
    public void AnOfflineCalleeGoesThroughGatewaysWhenItsSettingOrTheSystemSaysSo()
    {
        _f.Phone("1001");
        _f.Phone("1020", p => p with { Additional = new PhoneAdditional { UseRoutingGatewayNotOnline = 1 } }, register: false);
        _f.Phone("1021", register: false);
        _f.Routing("out", "10");

        Assert.That(_f.Names(_f.FromPhone("1001", "1020")), Is.EqualTo(new[] { "out" }));
        Assert.That(Refused(_f.FromPhone("1001", "1021")).Reason, Is.EqualTo(EndReason.CalleeNotRegistered));
        _f.Options.UseRoutingGatewayNotOnline = true;
        Assert.That(_f.Names(_f.FromPhone("1001", "1021")), Is.EqualTo(new[] { "out" }), "system value for 0");
    }

    [Test]
    public void ShortNumbersAndDidsReachTheirPhones()
    {
        _f.Phone("1001");
        _f.Phone("1002", p => p with { Dids = "88001, 88002" });
        _f.Numbers.PutPhoneBookEntry(new CustomerPhoneBookEntry { Account = "acme", E164 = "1002", ShortE164s = ["22"] });

        Assert.That(_f.Route(_f.FromPhone("1001", "22")).Plan!.Phone!.E164, Is.EqualTo("1002"));
        Assert.That(_f.Route(_f.FromPhone("1001", "88002")).Plan!.Phone!.E164, Is.EqualTo("1002"));
    }

    [Test]
    public void ThePhonesRulesRewriteWhatItDialsAndWhatTheCalleeIsShown()
    {
        _f.Phone("1001", p => p with { RewriteRulesOutCallee = "9:" });
        _f.Phone("1002", p => p with { RewriteRulesInCaller = "1:861", RewriteRulesInCallee = "1002:ext2" });

        var plan = _f.Route(_f.FromPhone("1001", "91002")).Plan!;

        Assert.That(plan.CalleeNumber, Is.EqualTo("1002"));
        Assert.That((plan.Phone!.CallerNumber, plan.Phone.CalleeNumber), Is.EqualTo(("861001", "ext2")));
    }

    [Test]
    public void NumberGroupsOfBothPhonesApply()
    {
        _f.NumberGroup("vip", "1002");
        _f.NumberGroup("blocked", "1001");
        _f.Phone("1001", p => p with { CalleeLimitE164Groups = "vip", CalleeLimitE164Allow = true });
        _f.Phone("1002", p => p with { CallerLimitE164Groups = "blocked", CallerLimitE164GroupsAllow = false });
        _f.Phone("1003");

        Assert.That(Refused(_f.FromPhone("1001", "1003")).Reason, Is.EqualTo(EndReason.CalleeGroupDenied), "1003 is not in vip");
        Assert.That(Refused(_f.FromPhone("1001", "1002")).Reason, Is.EqualTo(EndReason.CallerGroupDenied), "1002 refuses blocked callers");
        Assert.That(_f.Route(_f.FromPhone("1003", "1002")).IsRouted, Is.True);
    }

    [Test]
    public void CallLevelIsCheckedAgainstTheCalleesRateType()
    {
        _f.Customer("acme", feeRateGroup: "retail");
        _f.Rates("retail", ("00", 1m, FeeRateType.International), ("0", 0.1m, FeeRateType.National));
        _f.Phone("1001", p => p with { CallLevel = 4 });
        _f.Routing("out", "0");

        Assert.That(Refused(_f.FromPhone("1001", "0044123")).Reason, Is.EqualTo(EndReason.CallLevelDenied));
        Assert.That(_f.Names(_f.FromPhone("1001", "02012345")), Is.EqualTo(new[] { "out" }));
    }

    [Test]
    public void APhoneMayUseOnlyItsGatewayGroups()
    {
        _f.Phone("1001", p => p with { RoutingGatewayGroups = "cheap", RoutingGatewayGroupsAllow = true });
        _f.Phone("1002", p => p with { RoutingGatewayGroups = "cheap", RoutingGatewayGroupsAllow = false });
        _f.Routing("a", "0", g => g with { GatewayGroups = "premium" });
        _f.Routing("b", "0", g => g with { GatewayGroups = "x,cheap", Priority = 1 });

        Assert.That(_f.Names(_f.FromPhone("1001", "0123")), Is.EqualTo(new[] { "b" }));
        Assert.That(_f.Names(_f.FromPhone("1002", "0123")), Is.EqualTo(new[] { "a" }));
        _f.Routing("b", "0", g => g with { Id = 99, GatewayGroups = "premium" });
        var refusal = Refused(_f.FromPhone("1001", "0123"));
        Assert.That(refusal.Reason, Is.EqualTo(EndReason.GatewayGroupDenied));
    }

    [Test]
    public void APhonesDurationLimitCapsThePlan()
    {
        _f.Phone("1001", p => p with { Additional = new PhoneAdditional { CallDurationLimit = 300 } });
        _f.Phone("1002");
        _f.Phone("1003", p => p with { Additional = new PhoneAdditional { CallDurationLimit = -1 } });
        _f.Options.MaxCallDurationSeconds = 7200;

        Assert.That(_f.Route(_f.FromPhone("1001", "1002")).Plan!.MaxDuration, Is.EqualTo(TimeSpan.FromSeconds(300)));
        Assert.That(_f.Route(_f.FromPhone("1003", "1002")).Plan!.MaxDuration, Is.EqualTo(TimeSpan.FromSeconds(7200)));
    }

    [Test]
    public void StoredRulesThatDoNotCompileRefuseTheCall()
    {
        _f.Phone("1001", p => p with { RewriteRulesOutCallee = "%%%not a rule%%%" });
        _f.Phone("1002");

        Assert.That(Refused(_f.FromPhone("1001", "1002")).Reason, Is.EqualTo(EndReason.InvalidStoredRules));
    }
}

using System.Net;
using Softswitch.Api.Vos;
using Softswitch.Api.Vos.Access;

namespace Softswitch.Tests.Api.Access;

/// <summary>The rule evaluation of 001_… §2.1 (Web access control), one rule per test.</summary>
public sealed class VosAccessTests
{
    private const string GetCustomer = "/external/server/GetCustomer";

    [TestCase("127.0.0.1", ExpectedResult = VosAccessDecision.Allowed)]
    [TestCase("127.8.9.10", ExpectedResult = VosAccessDecision.Allowed)]
    [TestCase("::1", ExpectedResult = VosAccessDecision.Allowed)]
    [TestCase("::ffff:127.0.0.1", ExpectedResult = VosAccessDecision.Allowed)]
    [TestCase("192.0.2.7", ExpectedResult = VosAccessDecision.Forbidden)]
    [TestCase("2001:db8::1", ExpectedResult = VosAccessDecision.Forbidden)]
    public VosAccessDecision WithNothingConfiguredOnlyLoopbackIsAllowed(string client) =>
        VosAccess.Check(new VosApiOptions(), GetCustomer, IPAddress.Parse(client), null);

    [Test]
    public void AConnectionWithoutAnAddressIsJudgedAsLoopback()
    {
        var options = new VosApiOptions();
        options.AllowedClients.Add("192.0.2.7");

        Assert.That(VosAccess.Check(new VosApiOptions(), GetCustomer, null, null), Is.EqualTo(VosAccessDecision.Allowed));
        Assert.That(VosAccess.Check(options, GetCustomer, null, null), Is.EqualTo(VosAccessDecision.Forbidden));
    }

    [Test]
    public void ARuleOnTheServerDirectoryGrantsEveryInterfaceButNotTheTestPage()
    {
        var options = Rules(("/external/server", "10.0.0.0/8"));

        Assert.That(VosAccess.Check(options, GetCustomer, IPAddress.Parse("10.1.2.3"), null), Is.EqualTo(VosAccessDecision.Allowed));
        Assert.That(VosAccess.Check(options, "/external/server/CreatePhone", IPAddress.Parse("10.1.2.3"), null), Is.EqualTo(VosAccessDecision.Allowed));
        Assert.That(VosAccess.Check(options, "/external/test/server", IPAddress.Parse("10.1.2.3"), null), Is.EqualTo(VosAccessDecision.Forbidden));
        Assert.That(VosAccess.Check(options, GetCustomer, IPAddress.Parse("11.0.0.1"), null), Is.EqualTo(VosAccessDecision.Forbidden));
    }

    [Test]
    public void ARuleOnOneInterfaceGrantsThatInterfaceOnlyInAnySpelling()
    {
        var options = Rules((GetCustomer, "192.0.2.7"));
        var client = IPAddress.Parse("192.0.2.7");

        Assert.That(VosAccess.Check(options, GetCustomer, client, null), Is.EqualTo(VosAccessDecision.Allowed));
        Assert.That(VosAccess.Check(options, "/external/server/getcustomer", client, null), Is.EqualTo(VosAccessDecision.Allowed));
        Assert.That(VosAccess.Check(options, "/external/server/GetCustomers", client, null), Is.EqualTo(VosAccessDecision.Forbidden));
        Assert.That(VosAccess.Check(options, "/external/server/CreateCustomer", client, null), Is.EqualTo(VosAccessDecision.Forbidden));
    }

    [Test]
    public void OnceRulesExistLoopbackNeedsItsOwnGrant()
    {
        var options = Rules(("/external/server", "192.0.2.7"));

        Assert.That(VosAccess.Check(options, GetCustomer, IPAddress.Loopback, null), Is.EqualTo(VosAccessDecision.Forbidden));
    }

    [Test]
    public void TheFlatAllowedClientsListGrantsEveryDirectory()
    {
        var options = new VosApiOptions();
        options.AllowedClients.Add("2001:db8::/32");

        Assert.That(VosAccess.Check(options, GetCustomer, IPAddress.Parse("2001:db8::5"), null), Is.EqualTo(VosAccessDecision.Allowed));
        Assert.That(VosAccess.Check(options, "/external/test/server", IPAddress.Parse("2001:db8::5"), null), Is.EqualTo(VosAccessDecision.Allowed));
    }

    [TestCase(null, ExpectedResult = VosAccessDecision.Unauthorized)]
    [TestCase("Bearer wrong-token-0123456789", ExpectedResult = VosAccessDecision.Unauthorized)]
    [TestCase("Basic 0123456789abcdef", ExpectedResult = VosAccessDecision.Unauthorized)]
    [TestCase("Bearer 0123456789abcdef", ExpectedResult = VosAccessDecision.Allowed)]
    [TestCase("bearer 0123456789abcdef", ExpectedResult = VosAccessDecision.Allowed)]
    public VosAccessDecision TheBearerTokenIsCheckedAfterTheAddress(string? authorization)
    {
        var options = new VosApiOptions { BearerToken = "0123456789abcdef" };
        return VosAccess.Check(options, GetCustomer, IPAddress.Loopback, authorization);
    }

    [Test]
    public void TheBearerTokenDoesNotGuardTheTestPageNorOverrideTheAddress()
    {
        var options = new VosApiOptions { BearerToken = "0123456789abcdef" };

        Assert.That(VosAccess.Check(options, "/external/test/server", IPAddress.Loopback, null), Is.EqualTo(VosAccessDecision.Allowed));
        Assert.That(VosAccess.Check(options, GetCustomer, IPAddress.Parse("192.0.2.7"), "Bearer 0123456789abcdef"),
            Is.EqualTo(VosAccessDecision.Forbidden));
    }

    [Test]
    public void TheValidatorNamesEachBadKey()
    {
        var options = Rules(("/elsewhere", "not-an-ip"));
        options.AllowedClients.Add("300.1.1.1");
        options.MaxBodyBytes = 0;
        options.BearerToken = "short";

        var result = new VosApiOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Failures, Has.Some.Contains("api.maxBodyBytes"));
        Assert.That(result.Failures, Has.Some.Contains("api.allowedClients[0] '300.1.1.1'"));
        Assert.That(result.Failures, Has.Some.Contains("api.access[0].directory '/elsewhere'"));
        Assert.That(result.Failures, Has.Some.Contains("api.access[0].allowedClients[0] 'not-an-ip'"));
        Assert.That(result.Failures, Has.Some.Contains("api.bearerToken"));
        Assert.That(new VosApiOptionsValidator().Validate(null, Rules(("/external/server", "10.0.0.0/8"))).Succeeded, Is.True);
    }

    private static VosApiOptions Rules(params (string Directory, string Client)[] rules)
    {
        var options = new VosApiOptions();
        foreach (var (directory, client) in rules)
        {
            var rule = new VosAccessRule { Directory = directory };
            rule.AllowedClients.Add(client);
            options.Access.Add(rule);
        }
        return options;
    }
}

using static Softswitch.Tests.Api.VosAssert;

namespace Softswitch.Tests.Api.Gateways;

/// <summary>CreateGatewayRouting … GetGatewayRoutingOnline (001_… §3.16-§3.20) over the real composition.</summary>
public sealed class GatewayRoutingEndpointsTests
{
    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await VosApiHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    [Test]
    public async Task CreateGetModifyGetDeleteGet()
    {
        Ok(await _host.PostAsync("CreateGatewayRouting", """
            {"name":"out1","prefix":"86,0086","remoteIp":"carrier.example.net:5070","protocol":1,"timeoutInvite":8,
             "scheduledCallinPrefixes":[{"days":[1,5],"beginTime":0,"endTime":3600,"action":0,"type":1,"prefixes":["8610"]}]}
            """));
        var got = (await _host.PostAsync("GetGatewayRouting", """{"names":["out1"]}""")).GetProperty("infoGatewayRoutings")[0];
        Ok(await _host.PostAsync("ModifyGatewayRouting", """{"name":"out1","prefix":"1","softswitchName":"sw2"}"""));
        var after = (await _host.PostAsync("GetGatewayRouting", """{"names":["out1"]}""")).GetProperty("infoGatewayRoutings")[0];
        Ok(await _host.PostAsync("DeleteGatewayRouting", """{"name":"out1"}"""));
        var gone = await _host.PostAsync("GetGatewayRouting", """{"names":["out1"]}""");

        Assert.That(got.GetProperty("prefix").GetString(), Is.EqualTo("86,0086"));
        Assert.That(got.GetProperty("signalPort").GetInt32(), Is.EqualTo(5060));
        Assert.That(got.GetProperty("scheduledCallinPrefixes")[0].GetProperty("days")[1].GetInt32(), Is.EqualTo(5));
        Assert.That(after.GetProperty("prefix").GetString(), Is.EqualTo("1"));
        Assert.That(after.GetProperty("softswitchName").GetString(), Is.EqualTo("sw2"));
        Assert.That(after.GetProperty("timeoutInvite").GetInt32(), Is.EqualTo(8));
        Assert.That(gone.GetProperty("infoGatewayRoutings").GetArrayLength(), Is.Zero);
        Refused(await _host.PostAsync("DeleteGatewayRouting", """{"name":"out1"}"""), -10007, "out1");
    }

    [Test]
    public async Task InfoGatewayRoutingHasEveryManualField()
    {
        Ok(await _host.PostAsync("CreateGatewayRouting", """{"name":"out1"}"""));
        var info = (await _host.PostAsync("GetGatewayRouting", "{}")).GetProperty("infoGatewayRoutings")[0];

        Assert.That(info.EnumerateObject().Select(p => p.Name), Is.SupersetOf(ManualFields.InfoGatewayRouting));
    }

    [Test]
    public async Task DuplicateCreateIsRefusedAndOnlineIsEmptyUntilTheEngineReports()
    {
        Ok(await _host.PostAsync("CreateGatewayRouting", """{"name":"out1"}"""));
        Refused(await _host.PostAsync("CreateGatewayRouting", """{"name":"out1"}"""), -10005, "out1");
        var online = await _host.PostAsync("GetGatewayRoutingOnline", "{}");
        Assert.That(online.GetProperty("infoGatewayRoutingOnlines").GetArrayLength(), Is.Zero);
    }

    [TestCase("""{}""", -10002, "name")]
    [TestCase("""{"name":"g","prefixStyle":2}""", -10004, "prefixStyle")]
    [TestCase("""{"name":"g","lockType":4}""", -10004, "lockType")]
    [TestCase("""{"name":"g","registerType":4}""", -10004, "registerType")]
    [TestCase("""{"name":"g","protocol":2}""", -10004, "protocol")]
    [TestCase("""{"name":"g","signalPort":70000}""", -10004, "signalPort")]
    [TestCase("""{"name":"g","timeoutInvite":-1}""", -10004, "timeoutInvite")]
    [TestCase("""{"name":"g","q931NumberingPlan":2}""", -10004, "q931NumberingPlan")]
    [TestCase("""{"name":"g","q931NumberType":5}""", -10004, "q931NumberType")]
    [TestCase("""{"name":"g","q931ScreeningIndicator":5}""", -10004, "q931ScreeningIndicator")]
    [TestCase("""{"name":"g","sipPrivacy":4}""", -10004, "sipPrivacy")]
    [TestCase("""{"name":"g","sipPAssertedIdentity":3}""", -10004, "sipPAssertedIdentity")]
    [TestCase("""{"name":"g","externalNumberVerifyBits":4096}""", -10004, "externalNumberVerifyBits")]
    [TestCase("""{"name":"g","calculateRouteQuality":3}""", -10004, "calculateRouteQuality")]
    [TestCase("""{"name":"g","prefix":"86,8 6"}""", -10004, "prefix")]
    [TestCase("""{"name":"g","denyCallerCallee":"025-010"}""", -10004, "denyCallerCallee")]
    [TestCase("""{"name":"g","remoteIp":"bad host!"}""", -10004, "remoteIp")]
    [TestCase("""{"name":"g","rtpSourceCheck":3}""", -10004, "rtpSourceCheck")]
    [TestCase("""{"name":"g","remoteIp":"192.0.2.1:5070;transport=sctp"}""", -10004, "remoteIp")]
    [TestCase("""{"name":"g","remoteIp":"bad host!;transport=tcp"}""", -10004, "remoteIp")]
    [TestCase("""{"name":"g","signalPort":"5060"}""", -10003, "signalPort")]
    [TestCase("""{"name":"g","externalNumberVerifyBits":1.5}""", -10003, "externalNumberVerifyBits")]
    [TestCase("""{"name":"g","scheduledCallinPrefixes":[{"days":[1],"endTime":1,"action":1,"type":0,"prefixes":[]}]}""", -10002, "scheduledCallinPrefixes[0].beginTime")]
    [TestCase("""{"name":"g","scheduledCallinPrefixes":[{"days":[7],"beginTime":0,"endTime":1,"action":1,"type":0,"prefixes":[]}]}""", -10004, "scheduledCallinPrefixes[0].days[0]")]
    [TestCase("""{"name":"g","scheduledCallinPrefixes":[{"days":[1],"beginTime":0,"endTime":86401,"action":1,"type":0,"prefixes":[]}]}""", -10004, "endTime")]
    [TestCase("""{"name":"g","scheduledCallinPrefixes":[{"days":[1],"beginTime":0,"endTime":1,"action":2,"type":0,"prefixes":[]}]}""", -10004, "action")]
    [TestCase("""{"name":"g","clearingAccount":"nobody"}""", -10007, "clearingAccount")]
    [TestCase("""{"name":"g","rewriteRulesInCallerUseE164Group":"nogroup"}""", -10007, "rewriteRulesInCallerUseE164Group")]
    public async Task CreateRefuses(string body, int code, string field)
    {
        Refused(await _host.PostAsync("CreateGatewayRouting", body), code, field);
        Assert.That((await _host.PostAsync("GetGatewayRouting", "{}")).GetProperty("infoGatewayRoutings").GetArrayLength(), Is.Zero);
    }

    [TestCase("192.0.2.1;transport=tcp")]
    [TestCase("192.0.2.1:5070;transport=TCP")]
    [TestCase("[2001:db8::1]:5070;transport=udp")]
    public async Task ATransportSuffixOnRemoteIpIsAccepted(string remoteIp)
    {
        var created = await _host.PostAsync("CreateGatewayRouting", System.Text.Json.JsonSerializer.Serialize(new { name = "tcp-gw", remoteIp }));

        Assert.That(created.GetProperty("retCode").GetInt32(), Is.Zero, created.ToString());
    }
}

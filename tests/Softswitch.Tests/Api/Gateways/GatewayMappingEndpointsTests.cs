using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Core.Gateways;
using static Softswitch.Tests.Api.VosAssert;

namespace Softswitch.Tests.Api.Gateways;

/// <summary>CreateGatewayMapping … GetGatewayMappingOnline (001_… §3.11-§3.15) over the real composition.</summary>
public sealed class GatewayMappingEndpointsTests
{
    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = await VosApiHost.StartAsync();
        Ok(await _host.PostAsync("CreateCustomer", """{"account":"acme","name":"Acme Ltd"}"""));
        Ok(await _host.PostAsync("CreateLimitE164Group", """{"name":"vip"}"""));
    }

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    [Test]
    public async Task CreateGetModifyGetDeleteGet()
    {
        Ok(await _host.PostAsync("CreateGatewayMapping", """
            {"name":"in1","remoteIps":"192.0.2.10","account":"acme","capacity":30,"callLevel":5,"sipCodecs":["PCMA"],
             "callerLimitE164Groups":"vip","proportionCalleePrefixs":[{"proportion":1,"addPrefix":"9"}]}
            """));
        var got = (await _host.PostAsync("GetGatewayMapping", """{"names":["in1"]}""")).GetProperty("infoGatewayMappings")[0];
        Ok(await _host.PostAsync("ModifyGatewayMapping", """{"name":"in1","capacity":60,"lockType":3}"""));
        var after = (await _host.PostAsync("GetGatewayMapping", """{"names":["in1"]}""")).GetProperty("infoGatewayMappings")[0];
        Ok(await _host.PostAsync("DeleteGatewayMapping", """{"name":"in1"}"""));
        var gone = await _host.PostAsync("GetGatewayMapping", """{"names":["in1"]}""");

        Assert.That(got.GetProperty("accountName").GetString(), Is.EqualTo("Acme Ltd"));
        Assert.That(got.GetProperty("capacity").GetInt32(), Is.EqualTo(30));
        Assert.That(got.GetProperty("maxCallDurationLower").GetInt32(), Is.EqualTo(-1));
        Assert.That(got.GetProperty("sipCodecs")[0].GetString(), Is.EqualTo("PCMA"));
        Assert.That(got.GetProperty("proportionCalleePrefixs")[0].GetProperty("addPrefix").GetString(), Is.EqualTo("9"));
        Assert.That(got.TryGetProperty("id", out _), Is.False, "id is not an InfoGatewayMapping field");
        Assert.That(after.GetProperty("capacity").GetInt32(), Is.EqualTo(60));
        Assert.That(after.GetProperty("lockType").GetInt32(), Is.EqualTo(3));
        Assert.That(after.GetProperty("remoteIps").GetString(), Is.EqualTo("192.0.2.10"));
        Assert.That(gone.GetProperty("infoGatewayMappings").GetArrayLength(), Is.Zero);
        Refused(await _host.PostAsync("DeleteGatewayMapping", """{"name":"in1"}"""), -10007, "in1");
        Refused(await _host.PostAsync("ModifyGatewayMapping", """{"name":"in1"}"""), -10007, "in1");
    }

    [Test]
    public async Task InfoGatewayMappingHasEveryManualField()
    {
        Ok(await _host.PostAsync("CreateGatewayMapping", """{"name":"in1"}"""));
        var info = (await _host.PostAsync("GetGatewayMapping", "{}")).GetProperty("infoGatewayMappings")[0];

        var names = info.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.That(names, Is.SupersetOf(ManualFields.InfoGatewayMapping));
    }

    [Test]
    public async Task DuplicateCreateIsRefused()
    {
        Ok(await _host.PostAsync("CreateGatewayMapping", """{"name":"in1"}"""));
        Refused(await _host.PostAsync("CreateGatewayMapping", """{"name":"in1"}"""), -10005, "in1");
    }

    [Test]
    public async Task TwoGatewaysCannotClaimOneAddress()
    {
        Ok(await _host.PostAsync("CreateGatewayMapping", """{"name":"in1","remoteIps":"192.0.2.10"}"""));
        Refused(await _host.PostAsync("CreateGatewayMapping", """{"name":"in2","remoteIps":"192.0.2.11,192.0.2.10"}"""), -10005, "remoteIps");
    }

    [TestCase("""{}""", -10002, "name")]
    [TestCase("""{"name":"g","lockType":4}""", -10004, "lockType")]
    [TestCase("""{"name":"g","callLevel":3}""", -10004, "callLevel")]
    [TestCase("""{"name":"g","registerType":2}""", -10004, "registerType")]
    [TestCase("""{"name":"g","rtpForwardType":4}""", -10004, "rtpForwardType")]
    [TestCase("""{"name":"g","mediaCheckDirection":4}""", -10004, "mediaCheckDirection")]
    [TestCase("""{"name":"g","calleeE164Restrict":3}""", -10004, "calleeE164Restrict")]
    [TestCase("""{"name":"g","sipResponseAddressMethod":3}""", -10004, "sipResponseAddressMethod")]
    [TestCase("""{"name":"g","dtmfSendMethodH323":50}""", -10004, "dtmfSendMethodH323")]
    [TestCase("""{"name":"g","dtmfSendMethodSIP":20}""", -10004, "dtmfSendMethodSIP")]
    [TestCase("""{"name":"g","dtmfReceiveMethod":40}""", -10004, "dtmfReceiveMethod")]
    [TestCase("""{"name":"g","dtmfSendPayloadTypeSIP":128}""", -10004, "dtmfSendPayloadTypeSIP")]
    [TestCase("""{"name":"g","q931ProgressIndicator":6}""", -10004, "q931ProgressIndicator")]
    [TestCase("""{"name":"g","sipRemoteRingSignal":3}""", -10004, "sipRemoteRingSignal")]
    [TestCase("""{"name":"g","sipCallerE164Domain":5}""", -10004, "sipCallerE164Domain")]
    [TestCase("""{"name":"g","h323CallerE164Domain":3}""", -10004, "h323CallerE164Domain")]
    [TestCase("""{"name":"g","sipAuthenticationMethod":2}""", -10004, "sipAuthenticationMethod")]
    [TestCase("""{"name":"g","minProfitPercent":10001}""", -10004, "minProfitPercent")]
    [TestCase("""{"name":"g","firstRoutePolicy":3}""", -10004, "firstRoutePolicy")]
    [TestCase("""{"name":"g","sipG729Annexb":5}""", -10004, "sipG729Annexb")]
    [TestCase("""{"name":"g","lrnFailureAction":2}""", -10004, "lrnFailureAction")]
    [TestCase("""{"name":"g","calculateRouteQuality":3}""", -10004, "calculateRouteQuality")]
    [TestCase("""{"name":"g","maxCallDurationLower":-1,"maxCallDurationUpper":60}""", -10004, "maxCallDuration")]
    [TestCase("""{"name":"g","maxCallDurationLower":90,"maxCallDurationUpper":60}""", -10004, "maxCallDurationLower")]
    [TestCase("""{"name":"g","remoteIps":"gw.example.com"}""", -10004, "remoteIps")]
    [TestCase("""{"name":"g","callFailedSipCode":"486-404"}""", -10004, "callFailedSipCode")]
    [TestCase("""{"name":"g","capacity":"10"}""", -10003, "capacity")]
    [TestCase("""{"name":"g","sipTimer":1}""", -10003, "sipTimer")]
    [TestCase("""{"name":"g","sipCodecs":"PCMA"}""", -10003, "sipCodecs")]
    [TestCase("""{"name":"g","proportionCalleePrefixs":[{"addPrefix":"1"}]}""", -10002, "proportionCalleePrefixs[0].proportion")]
    [TestCase("""{"name":"g","proportionCalleePrefixs":[{"proportion":1}]}""", -10002, "proportionCalleePrefixs[0].addPrefix")]
    [TestCase("""{"name":"g","account":"nobody"}""", -10007, "account")]
    [TestCase("""{"name":"g","calleeLimitE164Groups":"vip,nogroup"}""", -10007, "calleeLimitE164Groups")]
    public async Task CreateRefuses(string body, int code, string field)
    {
        Refused(await _host.PostAsync("CreateGatewayMapping", body), code, field);
        Assert.That((await _host.PostAsync("GetGatewayMapping", "{}")).GetProperty("infoGatewayMappings").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task OnlineReportsWhatTheEngineFeedsAndForgetsDeletedGateways()
    {
        Ok(await _host.PostAsync("CreateGatewayMapping", """{"name":"in1","registerType":1,"capacity":10}"""));
        Ok(await _host.PostAsync("CreateGatewayMapping", """{"name":"in2"}"""));
        var empty = await _host.PostAsync("GetGatewayMappingOnline", "{}");
        var presence = _host.Services.GetRequiredService<GatewayPresence>();
        var now = DateTimeOffset.UtcNow;
        presence.Upsert(new GatewayPresenceEntry(GatewayKind.Mapping, "in1", "192.0.2.20:5060", now, now, now.AddMinutes(5))
        {
            LocalAddress = "127.0.0.1:5060",
        });
        var online = await _host.PostAsync("GetGatewayMappingOnline", """{"names":["in1","in2"]}""");
        Ok(await _host.PostAsync("DeleteGatewayMapping", """{"name":"in1"}"""));
        var afterDelete = await _host.PostAsync("GetGatewayMappingOnline", "{}");

        Assert.That(empty.GetProperty("infoGatewayMappingOnlines").GetArrayLength(), Is.Zero);
        var info = online.GetProperty("infoGatewayMappingOnlines");
        Assert.That(info.GetArrayLength(), Is.EqualTo(1));
        Assert.That(info[0].GetProperty("name").GetString(), Is.EqualTo("in1"));
        Assert.That(info[0].GetProperty("id").GetInt64(), Is.Positive);
        Assert.That(info[0].GetProperty("capacity").GetInt32(), Is.EqualTo(10));
        Assert.That(info[0].GetProperty("remoteIps").GetString(), Is.EqualTo("192.0.2.20:5060"));
        Assert.That(info[0].GetProperty("registerTime").GetInt64(), Is.EqualTo(now.ToUnixTimeMilliseconds()));
        Assert.That(afterDelete.GetProperty("infoGatewayMappingOnlines").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task DeletingAGroupAGatewayUsesIsRefused()
    {
        Ok(await _host.PostAsync("CreateGatewayMapping", """{"name":"in1","callerLimitE164Groups":"vip"}"""));
        Refused(await _host.PostAsync("DeleteLimitE164Group", """{"name":"vip"}"""), -10006, "in1");
        Ok(await _host.PostAsync("ModifyGatewayMapping", """{"name":"in1","callerLimitE164Groups":""}"""));
        Ok(await _host.PostAsync("DeleteLimitE164Group", """{"name":"vip"}"""));
    }
}

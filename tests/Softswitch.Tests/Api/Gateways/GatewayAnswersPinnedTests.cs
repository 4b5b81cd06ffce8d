using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Gateways;
using Softswitch.Tests.Api.Hosting;
using static Softswitch.Tests.Api.VosAssert;

namespace Softswitch.Tests.Api.Gateways;

/// <summary>
/// The whole GetGatewayMapping / GetGatewayRouting answers (001_… §3.13, §3.19), the online lists (§3.15, §3.20)
/// on a fake clock, and the gateway interfaces' OpenAPI
/// entries, byte for byte, against files under Data/gateways: field names, order and values are what clients parse,
/// so a refactoring of the gateway records must leave them as they are. After a deliberate change of the answer,
/// rewrite the files with SOFTSWITCH_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class GatewayAnswersPinnedTests
{
    private const string Mapping = """
        {"name":"in1","password":"pw-in","lockType":0,"callLevel":5,"capacity":30,"priority":2,"gatewayGroups":"east,west",
         "routingGatewayGroupsAllow":true,"routingGatewayGroups":"carriers","registerType":0,"remoteIps":"192.0.2.10,192.0.2.11",
         "callerE164CheckEnable":true,"callerE164CheckCity":false,"calleeE164CheckEnable":true,"calleeE164CheckOther":false,
         "customerPassword":"web","rtpForwardType":1,"mediaCheckDirection":3,"calleeE164Restrict":2,
         "maxCallDurationLower":60,"maxCallDurationUpper":120,"allowPhoneBilling":true,"allowBindedE164Billing":true,
         "enablePhoneSetting":true,"denySameCityCodesAllow":true,"denySameCityCodes":"010,021","checkMobileAreaAllow":true,
         "checkMobileArea":"025","calloutCalleePrefixesAllow":true,"calloutCalleePrefixes":"86,0086",
         "calloutCallerPrefixesAllow":true,"calloutCallerPrefixes":"1","rewriteRulesOutCallee":"9:0",
         "rewriteRulesOutCaller":"*:a*","rewriteRulesInMobileAreaAllow":true,"rewriteRulesInMobileArea":"010",
         "timeoutCallProceeding":30,"sipResponseAddressMethod":1,"sipRequestAddressMethod":2,"dtmfSendMethodH323":20,
         "dtmfSendMethodSIP":50,"dtmfReceiveMethod":10,"dtmfSendPayloadTypeH323":96,"dtmfSendPayloadTypeSIP":97,
         "dtmfReceivePayloadType":98,"q931ProgressIndicator":8,"account":"acme","callFailedQ931CauseValue":"0:16",
         "callFailedSipCode":"486:480","sipRemoteRingSignal":2,"sipCalleeE164Domain":1,"sipCallerE164Domain":3,
         "h323CalleeE164Domain":1,"h323CallerE164Domain":2,"memo":"pinned","sipAuthenticationMethod":1,
         "h323FastStart":false,"h323H245Tunneling":false,"h323H245InSetup":true,"h323AutoCallProceeding":true,
         "h323CallProceedingFromSIPTrying":true,"h323AlertingFromSIP183Sdp":true,"h323T38":true,"sipTimer":true,
         "sip100Rel":true,"sipT38":true,"sipPrivacySupport":true,"groupE164Change":true,"callerAllowLength":2048,
         "calleeAllowLength":4096,"callerLimitE164GroupsAllow":true,"callerLimitE164Groups":"vip",
         "calleeLimitE164GroupsAllow":true,"calleeLimitE164Groups":"vip","minProfitPercentEnable":true,
         "minProfitPercent":-5,"maxSecondRatesEnable":true,"maxSecondRates":0.01,"firstRoutePolicy":1,
         "secondRoutePolicy":2,"h323G729SendMode":1,"sipG729SendMode":2,"sipG729Annexb":3,"sipG723Annexa":4,
         "h323CodecAssign":true,"h323Codecs":["G729"],"sipCodecAssign":true,"sipCodecs":["PCMA","PCMU"],
         "audioCodecTranscodingEnable":false,"rtpIncludeDtmfInband":true,"rtpNeedDtmfInband":true,
         "forwardSignalRewriteE164GroupEnable":true,"forwardSignalRewriteE164Group":"fwd","softswitchName":"ss1",
         "lrnEnable":true,"lrnEatPrefixLength":3,"lrnFailureAction":1,"lrnInterstateBillingPrefix":"11",
         "lrnUndeterminedBillingPrefix":"12","language":"en","mediaRecord":true,"dynamicBlackListInStandalone":true,
         "calculateRouteQuality":1,"proportionCalleePrefixs":[{"proportion":70,"addPrefix":"10"},{"proportion":30,"addPrefix":"20"}]}
        """;

    private const string Routing = """
        {"name":"out1","prefix":"86,0086","prefixStyle":1,"password":"pw-out","customerPassword":"web","gatewayGroups":"carriers",
         "capacity":200,"lockType":3,"priority":1,"registerType":2,"remoteIp":"carrier.example.net:5070","rtpForwardType":2,
         "encrypt":true,"protocol":1,"signalPort":5070,"localIp":"192.0.2.1","mediaCheckDirection":1,
         "maxCallDurationLower":0,"maxCallDurationUpper":0,"calleeE164Restrict":1,"callerE164CheckEnable":true,
         "callerE164CheckMobile":false,"calleeE164CheckEnable":true,"calleeE164CheckCity":false,
         "callinCallerPrefixesAllow":true,"callinCallerPrefixes":"1","callinCalleePrefixesAllow":true,
         "callinCalleePrefixes":"86","callinForwardPrefixesAllow":true,"callinForwardPrefixes":"2",
         "rewriteRulesInCaller":"*:a*","rewriteRulesInCallee":"9:0","rewriteRulesInMobileAreaAllow":true,
         "rewriteRulesInMobileArea":"010","timeoutSetup":1,"timeoutCallProceeding":2,"timeoutCallProceedingOlc":3,
         "timeoutAlerting":4,"timeoutInvite":5,"timeoutTrying":6,"timeoutSessionProgressSdp":7,
         "timeoutSessionProgress":8,"timeoutRinging":9,"denyCallerCalleeAllow":true,"denyCallerCallee":"025:010,021:023",
         "denySameCityCodesAllow":true,"denySameCityCodes":"010","checkMobileAreaAllow":true,"checkMobileArea":"021",
         "switchAllowRing":true,"switchAllowSdp":true,"switchAllowRtp":true,"switchAllowBusy":true,
         "switchAllowErrorCode":true,"sipResponseAddressMethod":2,"sipRequestAddressMethod":1,"dtmfSendMethodH323":40,
         "dtmfSendMethodSIP":60,"dtmfReceiveMethod":20,"dtmfSendPayloadTypeH323":100,"dtmfSendPayloadTypeSIP":102,
         "dtmfReceivePayloadType":103,"q931NumberingPlan":9,"q931NumberType":6,"q931PresentationIndicator":1,
         "q931ScreeningIndicator":3,"clearingAccount":"acme","h323FastStart":false,"h323H245Tunneling":false,
         "h323H245InSetup":true,"h323T38":true,"sipTimer":true,"sip100Rel":true,"sipT38":true,"sipDisplay":true,
         "sipRemotePartyId":true,"sipPrivacy":2,"sipPPreferredIdentity":1,"sipPAssertedIdentity":2,"groupE164Change":true,
         "callerAllowLength":1024,"calleeAllowLength":8192,"callerLimitE164GroupsAllow":true,"callerLimitE164Groups":"vip",
         "calleeLimitE164GroupsAllow":true,"calleeLimitE164Groups":"vip","h323G729SendMode":3,"sipG729SendMode":1,
         "sipG729Annexb":2,"sipG723Annexa":1,"h323CodecAssign":true,"h323Codecs":["G723"],"sipCodecAssign":true,
         "sipCodecs":["PCMA"],"audioCodecTranscodingEnable":false,"rtpIncludeDtmfInband":true,"rtpNeedDtmfInband":true,
         "feerateRestrict":true,"leastCostRouting":true,"minProfitPercentEnable":true,"minProfitPercent":10,
         "maxSecondRatesEnable":true,"maxSecondRates":0.02,"enablePhoneDisplay":true,"clearingAccountUseCalloutE164":true,
         "softswitchName":"ss1","forwardSignalRewriteE164GroupEnable":true,"forwardSignalRewriteE164Group":"fwd",
         "memo":"pinned","dynamicBlackListInStandalone":true,"mediaRecord":true,"externalNumberVerifyBits":5,
         "externalNumberVerifyRewriteCaller":"1:2","externalNumberVerifyRewriteCallee":"3:4",
         "scheduledCallinPrefixes":[{"days":[1,5],"beginTime":0,"endTime":3600,"action":0,"type":1,"prefixes":["8610"]}],
         "rewriteRulesInCallerUseE164GroupEnable":true,"rewriteRulesInCallerUseE164Group":"vip",
         "rewriteRulesInCallerUseE164Line":2,"signalPortLocal":5080,"calculateRouteQuality":2}
        """;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = await VosApiHost.StartAsync(s => s.AddSingleton<TimeProvider>(_time));
        Ok(await _host.PostAsync("CreateCustomer", """{"account":"acme","name":"Acme Ltd"}"""));
        Ok(await _host.PostAsync("CreateLimitE164Group", """{"name":"vip"}"""));
    }

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    [Test]
    public async Task GetGatewayMappingAnswerIsPinned()
    {
        Ok(await _host.PostAsync("CreateGatewayMapping", Mapping));
        Ok(await _host.PostAsync("CreateGatewayMapping", """{"name":"in2"}"""));

        AssertPinned("get-gateway-mapping.json", await AnswerAsync("GetGatewayMapping", "{}"));
    }

    [Test]
    public async Task GetGatewayRoutingAnswerIsPinned()
    {
        Ok(await _host.PostAsync("CreateGatewayRouting", Routing));
        Ok(await _host.PostAsync("CreateGatewayRouting", """{"name":"out2"}"""));

        AssertPinned("get-gateway-routing.json", await AnswerAsync("GetGatewayRouting", "{}"));
    }

    [Test]
    public async Task OnlineAnswersArePinned()
    {
        Ok(await _host.PostAsync("CreateGatewayMapping", Mapping));
        Ok(await _host.PostAsync("CreateGatewayMapping", """{"name":"in2","remoteIps":"192.0.2.12","capacity":5,"softswitchName":"ss2"}"""));
        Ok(await _host.PostAsync("CreateGatewayRouting", Routing));
        Ok(await _host.PostAsync("CreateGatewayRouting", """{"name":"out2","prefix":"8","remoteIp":"192.0.2.31","signalPort":5072}"""));
        var gateways = _host.Services.GetRequiredService<GatewayState>();
        var presence = _host.Services.GetRequiredService<GatewayPresence>();
        var stats = _host.Services.GetRequiredService<GatewayStatistics>();
        var now = _time.GetUtcNow();
        presence.Upsert(new GatewayPresenceEntry(GatewayKind.Mapping, "in1", "192.0.2.20:5062", now.AddSeconds(-90), now.AddSeconds(-30), now.AddMinutes(5))
        {
            LocalAddress = "127.0.0.1:5060",
            NatAddress = "10.0.0.2:5060",
            CryptoType = 1,
        });
        presence.Upsert(new GatewayPresenceEntry(GatewayKind.Routing, "out1", "198.51.100.20:5070", now.AddSeconds(-300), now.AddSeconds(-10), now.AddMinutes(5))
        {
            LocalAddress = "127.0.0.1:5060",
            RegisterName = "acct@carrier",
            RetryUntil = now.AddSeconds(600),
        });
        Traffic(stats, GatewayKind.Mapping, gateways.FindMapping("in2")!.Id, "in2");
        Traffic(stats, GatewayKind.Routing, gateways.FindRouting("out2")!.Id, "out2");

        AssertPinned("get-gateway-mapping-online.json", await AnswerAsync("GetGatewayMappingOnline", "{}"));
        AssertPinned("get-gateway-routing-online.json", await AnswerAsync("GetGatewayRoutingOnline", "{}"));
    }

    /// <summary>Two answered calls (one ended after 61 s), a 503 and one still ringing.</summary>
    private void Traffic(GatewayStatistics stats, GatewayKind kind, long id, string name)
    {
        var ended = stats.Start(kind, id, name);
        var talking = stats.Start(kind, id, name);
        _time.Advance(TimeSpan.FromSeconds(2));
        talking.Progress();
        talking.Answered();
        ended.Answered();
        stats.Start(kind, id, name).Failed(503);
        stats.Start(kind, id, name);
        _time.Advance(TimeSpan.FromSeconds(61));
        ended.Ended();
    }

    [Test]
    public async Task GatewayInterfacesInTheOpenApiDocumentArePinned()
    {
        using var doc = JsonDocument.Parse(await _host.Client.GetStringAsync(new Uri("/openapi.json", UriKind.Relative)));
        var text = new StringBuilder();
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.Contains("Gateway", StringComparison.Ordinal)))
        {
            text.Append(path.Name).Append(' ').Append(path.Value.GetRawText()).Append('\n');
        }
        foreach (var schema in doc.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject()
                     .Where(s => s.Name.Contains("Gateway", StringComparison.Ordinal) || s.Name.EndsWith("Prefix", StringComparison.Ordinal)))
        {
            text.Append(schema.Name).Append(' ').Append(schema.Value.GetRawText()).Append('\n');
        }

        AssertPinned("openapi-gateways.txt", text.ToString());
    }

    private async Task<string> AnswerAsync(string name, string body)
    {
        using var response = await _host.PostRawAsync(name, body, "application/json");
        return await response.Content.ReadAsStringAsync();
    }

    private static void AssertPinned(string file, string actual)
    {
        string path = Path.Combine(ConfigurationDocsTests.RepositoryRoot(), "tests", "Softswitch.Tests", "Data", "gateways", file);
        if (Environment.GetEnvironmentVariable("SOFTSWITCH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path)), $"{file} differs: the answer changed (SOFTSWITCH_UPDATE_GOLDEN=1 rewrites it)");
    }
}

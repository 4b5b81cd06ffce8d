using static Softswitch.Tests.Api.VosAssert;

namespace Softswitch.Tests.Api.Gateways;

/// <summary>
/// Over the real composition: a rule that does not parse is refused with a negative retCode whose reason names the
/// field, the position and the fault (issue 11 "Contract the acceptance checks rely on"), and nothing is stored.
/// </summary>
public sealed class GatewayDialPlanEndpointsTests
{
    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await VosApiHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    [Test]
    public async Task AnUnparsableRuleIsRefusedWithTheFieldAndThePosition()
    {
        var refused = await _host.PostAsync("CreateGatewayRouting",
            """{"name":"out1","prefix":"9","rewriteRulesInCallee":"9:0;%%%not a rule%%%"}""");
        var stored = await _host.PostAsync("GetGatewayRouting", """{"names":["out1"]}""");

        Refused(refused, -10004, "rewriteRulesInCallee");
        Assert.That(Reason(refused), Does.Contain("at position 5"));
        Assert.That(stored.GetProperty("infoGatewayRoutings").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task AValidRuleIsStoredAsWritten()
    {
        Ok(await _host.PostAsync("CreateGatewayMapping", """{"name":"in1","rewriteRulesOutCallee":"*:a*"}"""));
        var refused = await _host.PostAsync("ModifyGatewayMapping", """{"name":"in1","rewriteRulesOutCaller":"0:1:2"}""");
        var got = (await _host.PostAsync("GetGatewayMapping", """{"names":["in1"]}""")).GetProperty("infoGatewayMappings")[0];

        Refused(refused, -10004, "rewriteRulesOutCaller");
        Assert.That(got.GetProperty("rewriteRulesOutCallee").GetString(), Is.EqualTo("*:a*"));
        Assert.That(got.GetProperty("rewriteRulesOutCaller").GetString(), Is.Empty);
    }
}

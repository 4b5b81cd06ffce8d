using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>
/// Requests refused for what they ask, not for who asks, with SIPp (RFC 3261 §8.2; RFC 4475 torture cases): 420 with
/// Unsupported, 416 for an unknown scheme, 405 carrying Allow; and credentials in an unknown scheme challenged.
/// </summary>
[NonParallelizable]
[Category("EndToEnd")]
public class RequestRefusalEndToEndTests
{
    private SwitchHost _switch = null!;
    private CallBed _bed = null!;

    [SetUp]
    public async Task SetUp()
    {
        _switch = await SwitchHost.StartAsync("--no-demo");
        _bed = await CallBed.CreateAsync(_switch);
    }

    [TearDown]
    public async Task TearDown() => await _switch.DisposeAsync();

    [TestCase("invite_require_unknown.xml", TestName = "AnUnknownRequireGets420WithUnsupported")]
    [TestCase("invite_notdigest.xml", TestName = "AnInviteWithNotDigestCredentialsIsChallenged407")]
    [TestCase("subscribe_not_allowed.xml", TestName = "A405CarriesAllowWithMessageAndPrack")]
    public async Task AnswersTheScenarioExpects(string scenario)
    {
        var run = await SippRunner.RunAsync(_switch.SipPort, scenario, "-s", CallBed.CalleeE164);
        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);
    }

    [Test]
    public async Task OptionsToAnUnknownUriSchemeGets416()
    {
        var run = await SippRunner.RunAsync(_switch.SipPort, "options_unknown_scheme.xml");
        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);
    }

    [Test]
    public async Task ARegisterWithNotDigestCredentialsIsChallengedAndThenRegisters()
    {
        var run = await SippRunner.RunAsync(_switch.SipPort, "register_notdigest.xml", "-s", CallBed.CalleeE164, "-au", CallBed.CalleeE164, "-ap", CallBed.CalleePassword);
        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);
        var online = await _switch.PostAsync("GetPhoneOnline", new { e164s = new[] { CallBed.CalleeE164 } });
        Assert.That(online.ToString(), Does.Contain(CallBed.CalleeE164));
    }
}

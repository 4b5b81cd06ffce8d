using Softswitch.Core.Calls;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>
/// Reliable provisional responses (RFC 3262) with SIPp on both sides. Two phones that both use 100rel: the callee
/// answers with a reliable 183 with early media and waits for the switch's PRACK; the caller gets a reliable 183 of
/// its own, PRACKs it, and only then the 200. A caller without 100rel: the switch PRACKs the callee itself and the
/// caller gets an ordinary 183. Either call must complete and leave nothing behind.
/// </summary>
[NonParallelizable]
[Category("EndToEnd")]
public class ReliableProvisionalEndToEndTests
{
    private SwitchHost _switch = null!;
    private CallBed _bed = null!;

    [TearDown]
    public async Task TearDown()
    {
        if (_switch is not null)
        {
            await _switch.DisposeAsync();
        }
    }

    [Test]
    public async Task ReliableEarlyMediaBetweenTwoPhonesThatUse100relCompletesTheCall()
    {
        var (caller, callee) = await CallAsync("uac_auth_100rel.xml");

        Assert.That(callee.ExitCode, Is.Zero, "the callee got an INVITE offering 100rel and a PRACK with the right RAck: " + callee.Output + callee.Errors);
        Assert.That(caller.ExitCode, Is.Zero, "the caller got a reliable 183 with SDP, its PRACK was answered 200, then the INVITE's 200: " + caller.Output + caller.Errors);
        await AssertCompletedAsync();
    }

    [Test]
    public async Task TheSwitchPracksTheCalleeAndTheCallerGetsAnOrdinary183()
    {
        var (caller, callee) = await CallAsync("uac_auth_plain_183.xml");

        Assert.That(callee.ExitCode, Is.Zero, "the switch PRACKed the reliable 183: " + callee.Output + callee.Errors);
        Assert.That(caller.ExitCode, Is.Zero, "the caller got a 183 without Require/RSeq, with SDP, then 200: " + caller.Output + caller.Errors);
        await AssertCompletedAsync();
    }

    /// <summary>One call from <paramref name="callerScenario"/> to a registered callee that sends a reliable 183.</summary>
    private async Task<(SippRunner.Result Caller, SippRunner.Result Callee)> CallAsync(string callerScenario)
    {
        _switch = await SwitchHost.StartAsync(new Dictionary<string, string?>(), "--no-demo");
        _bed = await CallBed.CreateAsync(_switch);
        await _bed.RegisterCalleeAsync();
        return await _bed.CallAsync(callerScenario, "uas_100rel.xml");
    }

    private async Task AssertCompletedAsync()
    {
        var cdr = (await _bed.WaitForCdrsAsync(1)).Single();
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.CallerHangup), cdr.ToString());
        await EndToEndChecks.AssertNothingLeftAsync(_switch);
    }
}

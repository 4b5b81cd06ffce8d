using Softswitch.Core.Calls;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>
/// A callee that sends a reliable 183 to a caller without 100rel: the switch PRACKs the callee itself and the
/// caller gets an ordinary 183 with the early media; the call completes.
/// </summary>
[NonParallelizable]
[Category("EndToEnd")]
public class PrackToPlainCallerEndToEndTests
{
    private SwitchHost _switch = null!;

    [TearDown]
    public async Task TearDown()
    {
        if (_switch is not null)
        {
            await _switch.DisposeAsync();
        }
    }

    [Test]
    public async Task TheSwitchPracksTheCalleeAndTheCallerGetsAnOrdinary183()
    {
        _switch = await SwitchHost.StartAsync(new Dictionary<string, string?>(), "--no-demo");
        var bed = await CallBed.CreateAsync(_switch);
        await bed.RegisterCalleeAsync();

        var (caller, callee) = await bed.CallAsync("uac_auth_plain_183.xml", "uas_100rel.xml");

        Assert.That(callee.ExitCode, Is.Zero, "the switch PRACKed the reliable 183: " + callee.Output + callee.Errors);
        Assert.That(caller.ExitCode, Is.Zero, "the caller got a 183 without Require/RSeq, with SDP, then 200: " + caller.Output + caller.Errors);
        var cdr = (await bed.WaitForCdrsAsync(1)).Single();
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.CallerHangup), cdr.ToString());
        await EndToEndChecks.AssertNothingLeftAsync(_switch);
    }
}

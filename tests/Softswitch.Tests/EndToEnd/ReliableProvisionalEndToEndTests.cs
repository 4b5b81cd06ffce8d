using Softswitch.Core.Calls;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>
/// Two phones that both use 100rel (RFC 3262), SIPp on both sides: the callee answers with a reliable 183 with
/// early media and waits for the switch's PRACK; the caller gets a reliable 183 of its own, PRACKs it, and only
/// then the 200. The call must complete and leave nothing behind.
/// </summary>
[NonParallelizable]
[Category("EndToEnd")]
public class ReliableProvisionalEndToEndTests
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
    public async Task ReliableEarlyMediaBetweenTwoPhonesThatUse100relCompletesTheCall()
    {
        _switch = await SwitchHost.StartAsync(new Dictionary<string, string?>(), "--no-demo");
        var bed = await CallBed.CreateAsync(_switch);
        await bed.RegisterCalleeAsync();

        var (caller, callee) = await bed.CallAsync("uac_auth_100rel.xml", "uas_100rel.xml");

        Assert.That(callee.ExitCode, Is.Zero, "the callee got an INVITE offering 100rel and a PRACK with the right RAck: " + callee.Output + callee.Errors);
        Assert.That(caller.ExitCode, Is.Zero, "the caller got a reliable 183 with SDP, its PRACK was answered 200, then the INVITE's 200: " + caller.Output + caller.Errors);
        var cdr = (await bed.WaitForCdrsAsync(1)).Single();
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.CallerHangup), cdr.ToString());
        await EndToEndChecks.AssertNothingLeftAsync(_switch);
    }
}

using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>Max-Forwards across the B2BUA with SIPp (RFC 7332 §3, RFC 3261 §16.3 step 3): 483 at 0, carried down otherwise.</summary>
[NonParallelizable]
[Category("EndToEnd")]
public class MaxForwardsEndToEndTests
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

    [Test]
    public async Task AnInviteWithMaxForwardsZeroGets483AndIsNotRouted()
    {
        await _bed.RegisterCalleeAsync();
        var run = await SippRunner.RunAsync(_switch.SipPort, "invite_max_forwards_0.xml", "-s", CallBed.CalleeE164);
        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);
        Assert.That(await _bed.CdrsAsync(), Is.Empty, "refused before authentication: no call was set up");
    }

    [Test]
    public async Task AnInviteWithMaxForwardsOneReachesTheCalleeWithZeroAndSoDoesItsBye()
    {
        await _bed.RegisterCalleeAsync();
        var (caller, answered) = await _bed.CallAsync("uac_auth_max_forwards.xml", "uas_max_forwards_0.xml", callerExtra: ["-key", "max_forwards", "1"]);
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(answered.ExitCode, Is.Zero, "the callee checks Max-Forwards 0 on the INVITE and the BYE: " + answered.Output + answered.Errors);
    }
}

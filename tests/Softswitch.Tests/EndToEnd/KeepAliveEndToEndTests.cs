using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Hosting;
using Softswitch.Core.Calls;
using Softswitch.Sip;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>Issue 12, "Dead legs", on real sockets: a callee that stops answering in-dialog OPTIONS is found dead.</summary>
[Category("EndToEnd")]
[NonParallelizable]
public class KeepAliveEndToEndTests
{
    [Test]
    public async Task ACalleeThatIgnoresTheKeepAlivesIsHungUpAndBothLegsGetBye()
    {
        // keepAliveSeconds 1 and T1 = 50 ms (64*T1 = 3.2 s): the dead leg is found within about 4 s.
        await using var host = await SwitchHost.StartAsync(new Dictionary<string, string?>
        {
            ["calls:keepAliveSeconds"] = "1",
            ["sip:timers:T1"] = "00:00:00.05",
            ["calls:mediaTimeoutSeconds"] = "0",
        }, "--no-demo");
        var bed = await CallBed.CreateAsync(host);
        await bed.RegisterCalleeAsync();
        // Both wait for the switch's BYE. The caller answers the OPTIONS (-aa); the callee ignores every message its
        // scenario does not expect (-default_behaviors none), so its OPTIONS time out.
        var (caller, callee) = await bed.CallAsync("uac_auth_callee_bye.xml", "uas_builtin", callerExtra: ["-aa"],
            sippArguments: ["-default_behaviors", "none"]);
        Assert.That(caller.ExitCode, Is.Zero, "the caller got BYE: " + caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, "the callee got BYE: " + callee.Output + callee.Errors);
        var cdr = (await bed.WaitForCdrsAsync(1)).Single();
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.CalleeKeepAliveFailed));
        Assert.That(cdr.GetProperty("endDirection").GetInt32(), Is.EqualTo((int)EndDirection.Callee));

        var sip = host.Services.GetRequiredService<SipHostedService>().Engine;
        await Eventually.UntilAsync(() => sip.B2bua.ActiveCalls == 0);
        Assert.That(sip.B2bua.ActiveCalls, Is.Zero);
    }
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Hosting;
using Softswitch.Core.Calls;
using Softswitch.Tests.EndToEnd.Support;
using Softswitch.Sip;

namespace Softswitch.Tests.EndToEnd;

/// <summary>Legs that disappear are cleaned up by timeouts: nothing leaks (issue "Calls", bad input and faults).</summary>
[Category("EndToEnd")]
[NonParallelizable]
public class VanishingLegEndToEndTests
{
    [Test]
    public async Task CallerThatNeverAcksIsHungUpAfter64T1WithNothingLeft()
    {
        // T1 = 50 ms makes 64*T1 = 3.2 s: the 200 is retransmitted, then both legs get BYE (RFC 3261 §13.3.1.4).
        await using var host = await SwitchHost.StartAsync(new Dictionary<string, string?> { ["sip:timers:T1"] = "00:00:00.05" }, "--no-demo");
        var bed = await CallBed.CreateAsync(host);
        await bed.RegisterCalleeAsync();
        var (caller, callee) = await bed.CallAsync("uac_auth_no_ack.xml", "uas_builtin");
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, "the callee got BYE: " + callee.Output + callee.Errors);
        var cdr = (await bed.WaitForCdrsAsync(1)).Single();
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.AckTimeout));

        var sip = host.Services.GetRequiredService<SipHostedService>().Engine;
        await Eventually.UntilAsync(() => sip.B2bua.ActiveCalls == 0 && sip.Relay.ActiveSessions == 0 && sip.Transactions.Count == 0);
        Assert.That(sip.B2bua.ActiveCalls, Is.Zero);
        Assert.That(sip.Relay.Ports.Available, Is.EqualTo(sip.Relay.Ports.Capacity));
        Assert.That(sip.Transactions.Count, Is.Zero, "the unanswered BYE's transaction timed out and left the table");
    }
}

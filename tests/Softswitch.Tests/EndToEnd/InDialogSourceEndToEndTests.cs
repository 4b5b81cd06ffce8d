using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Hosting;
using Softswitch.Core.Calls;
using Softswitch.Sip;
using Softswitch.Sip.B2bua;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>Issue 12, "Dialogs", on real sockets: a BYE with the right dialog identifiers from a third address.</summary>
[Category("EndToEnd")]
[NonParallelizable]
public class InDialogSourceEndToEndTests
{
    [Test]
    public async Task AForgedByeFromAThirdAddressGets481AndTheCallGoesOnUntilTheCallerHangsUp()
    {
        await using var host = await SwitchHost.StartAsync("--no-demo");
        var bed = await CallBed.CreateAsync(host);
        await bed.RegisterCalleeAsync();
        var sip = host.Services.GetRequiredService<SipHostedService>().Engine;
        int? status = null;
        // SIPp's caller holds the call 3 s, then hangs up; an early BYE from the switch to either SIPp would fail it.
        var (caller, callee) = await bed.CallAsync("uac_auth.xml", "uas_builtin", holdMs: 3000, during: async () =>
        {
            Assert.That(await Eventually.UntilAsync(() => sip.B2bua.Calls.Any(c => c.State == BridgeState.Connected)), Is.True, "the call connected");
            var dialog = sip.B2bua.Calls.Single().Caller;
            using var stranger = new TestSipClient(host.SipPort, IPAddress.Parse("127.0.0.2"));
            var answer = await stranger.RequestAsync(
                $"BYE sip:{CallBed.CalleeE164}@127.0.0.1:{host.SipPort} SIP/2.0\r\n" +
                $"Via: SIP/2.0/UDP 127.0.0.2:{stranger.LocalPort};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
                "Max-Forwards: 70\r\n" +
                $"From: <sip:{CallBed.CallerE164}@127.0.0.1>;tag={dialog.RemoteTag}\r\n" +
                $"To: <sip:{CallBed.CalleeE164}@127.0.0.1>;tag={dialog.LocalTag}\r\n" +
                $"Call-ID: {dialog.CallId}\r\n" +
                $"CSeq: {dialog.RemoteCSeq + 10} BYE\r\n" +
                "Content-Length: 0\r\n\r\n");
            status = answer.StatusCode;
        });
        Assert.That(status, Is.EqualTo(481), "the stranger's BYE");
        Assert.That(caller.ExitCode, Is.Zero, "the caller's own BYE ended the call: " + caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        var cdr = (await bed.WaitForCdrsAsync(1)).Single();
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.CallerHangup));
        Assert.That(cdr.GetProperty("holdTime").GetInt32(), Is.GreaterThanOrEqualTo(3), "the call lasted its whole hold");
        Assert.That(sip.B2bua.ForeignInDialogRequests, Is.EqualTo(1));
    }
}

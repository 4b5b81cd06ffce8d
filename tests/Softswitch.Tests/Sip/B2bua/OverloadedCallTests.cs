using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Overload;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// The B2BUA behind the overload guard (issue 12, overload; docs/hardening.md "Overload"): a shed call is answered
/// 503 with Retry-After before anything of a call exists (no challenge, no call record, no leg B), while the call
/// already admitted goes on, its challenged INVITE included.
/// </summary>
public class OverloadedCallTests : B2buaFixture
{
    [Test]
    public async Task AShedCallGets503BeforeAnyCallExistsAndTheAdmittedCallGoesOn()
    {
        var guard = new OverloadGuard(new OverloadOptions { MaxCallsPerSecond = 1 }, Time, NullLogger<OverloadGuard>.Instance);
        Layer.Admission = guard;

        await CallAsync(); // its first INVITE takes the second's only token; the INVITE with credentials is not counted
        var second = CallerRequest(SipMethod.Invite, 1, toTag: null, sdp: Sdp);
        second.Headers.Set(HeaderKind.CallId, "b-call@198.51.100.10");
        Feed(second);

        var refusal = Transport.Responses(503, CallerAddress, SipMethod.Invite).Single();
        Assert.That(refusal.CallId, Is.EqualTo("b-call@198.51.100.10"));
        Assert.That(refusal.Headers.Get(HeaderKind.RetryAfter), Is.EqualTo("2"));
        Assert.That(Transport.Responses(407, CallerAddress).Count(r => r.CallId == "b-call@198.51.100.10"), Is.Zero, "no challenge");
        Assert.That(Switch.ActiveCalls, Is.EqualTo(1), "only the admitted call");
        Assert.That(Registry.Count, Is.EqualTo(1), "no call record for the shed one");
        Assert.That(Transport.Requests(SipMethod.Invite, CalleeAddress), Has.Count.EqualTo(1), "no leg B for the shed call");
        Assert.That(guard.Shed(ShedReason.CallRate), Is.EqualTo(1));

        Advance(TimeSpan.FromSeconds(1)); // the bucket refills
        var third = CallerRequest(SipMethod.Invite, 1, toTag: null, sdp: Sdp);
        third.Headers.Set(HeaderKind.CallId, "c-call@198.51.100.10");
        Feed(third);
        Assert.That(Transport.Responses(407, CallerAddress).Count(r => r.CallId == "c-call@198.51.100.10"), Is.EqualTo(1), "admitted: challenged");
    }
}

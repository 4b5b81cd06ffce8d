using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Simulation;
using Softswitch.Tests.Sip.Transactions;

namespace Softswitch.Tests.Sip.Simulation;

/// <summary>A simulated carrier as a UAS: each behaviour, on the fake transport and clock.</summary>
public class SimulatedCarrierTests : CarrierFixture
{
    [Test]
    public void AnswersAfterTheDelayWithSdpOnItsOwnPort()
    {
        Create(d => d.AnswerDelayMilliseconds = 2000);
        var invite = Invite();

        Assert.That(Statuses, Is.EqualTo(new[] { 100, 180 }));
        Run(Ms(1990));
        Assert.That(Transport.Responses(200), Is.Empty);
        Run(Ms(20));
        var ok = Transport.Responses(200).Single();
        Assert.That(ok.Headers.Get(HeaderKind.Contact), Does.Contain("sip:sim@"));
        Assert.That(ok.ContentType, Is.EqualTo("application/sdp"));
        string sdp = Encoding.ASCII.GetString(ok.Body.Span);
        Assert.That(sdp, Does.Contain("m=audio " + Carrier_RtpPort() + " RTP/AVP 8 101"), "first offered G.711 (PCMA here) and DTMF");
        Assert.That(ok.To.Tag, Is.EqualTo(Transport.Responses(180).Single().To.Tag), "one dialog: same To tag");

        AckFor(invite, ok);
        Run(Ms(5000));
        Assert.That(Transport.Sent.Count(s => s.Message is SipResponse { StatusCode: 200 }), Is.EqualTo(1), "no re-send after the ACK");
        Assert.That(Carrier.ActiveCalls, Is.EqualTo(1));

        InDialog(SipMethod.Bye, invite, ok, "z9hG4bKbye1");
        Assert.That(Transport.Responses(200), Has.Count.EqualTo(2));
        Assert.That(Carrier.ActiveCalls, Is.Zero);
        Assert.That(Carrier.Counters.Answered, Is.EqualTo(1));
    }

    private int Carrier_RtpPort()
    {
        string sdp = Encoding.ASCII.GetString(Transport.Responses(200)[0].Body.Span);
        int at = sdp.IndexOf("m=audio ", StringComparison.Ordinal) + 8;
        return int.Parse(sdp[at..sdp.IndexOf(' ', at)], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public void OkIsResentUntilTheAckThenTheCallIsEndedWithBye()
    {
        Create(d => { });
        Invite();

        Run(Ms(1600));
        var times = Transport.TimesOfResponse(200);
        Assert.That(times.Zip(times.Skip(1), (a, b) => b - a), Is.EqualTo(new[] { Ms(500), Ms(1000) }), "T1, doubling (§13.3.1.4)");
        Run(TimeSpan.FromSeconds(31));
        var bye = Transport.Requests(SipMethod.Bye).Distinct().Single();
        Assert.That(Transport.Sent.First(s => s.Message == bye).Destination, Is.EqualTo(TestMessages.Peer));
        Assert.That(Carrier.ActiveCalls, Is.Zero);
    }

    [Test]
    public void EarlyMediaRingsWith183AndSdp()
    {
        Create(d => d.EarlyMedia = true);
        Invite();

        var progress = Transport.Responses(183).Single();
        Assert.That(progress.ContentType, Is.EqualTo("application/sdp"));
        Assert.That(Transport.Responses(180), Is.Empty);
    }

    [Test]
    public void BusyAnswers486()
    {
        Create(d => { d.AnswerPercent = 0; d.BusyPercent = 100; });
        Invite();

        Assert.That(Statuses, Is.EqualTo(new[] { 100, 486 }));
        Assert.That(Carrier.ActiveCalls, Is.Zero);
        Assert.That(Carrier.Counters.Busy, Is.EqualTo(1));
    }

    [TestCase(503, 30)]
    [TestCase(404, null)]
    [TestCase(603, null)]
    public void RejectsWithTheConfiguredStatusAndRetryAfter(int status, int? retryAfter)
    {
        Create(d => { d.AnswerPercent = 0; d.RejectPercent = 100; d.RejectStatus = status; d.RetryAfterSeconds = retryAfter; });
        Invite();

        var final = Transport.Responses(status).Single();
        Assert.That(final.Headers.Get(HeaderKind.RetryAfter), Is.EqualTo(retryAfter?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void RingsForeverUntilCancelledWith487()
    {
        Create(d => { d.AnswerPercent = 0; d.NoAnswerPercent = 100; });
        var invite = Invite();
        Run(TimeSpan.FromSeconds(120));
        Assert.That(Statuses, Is.EqualTo(new[] { 100, 180 }));

        var cancel = TestMessages.Request(SipMethod.Cancel, "z9hG4bKinv1", callId: invite.CallId);
        Send(cancel);

        Assert.That(Transport.Responses(487), Has.Count.EqualTo(1));
        Assert.That(Transport.Responses(200).Single().CSeq.Method, Is.EqualTo(SipMethod.Cancel));
        Assert.That(Carrier.ActiveCalls, Is.Zero);
    }

    [Test]
    public void CancelAfterTheAnswerChangesNothing()
    {
        Create(d => { });
        var invite = Invite();
        Run(Ms(10));
        Send(TestMessages.Request(SipMethod.Cancel, "z9hG4bKinv1", callId: invite.CallId));

        Assert.That(Transport.Responses(487), Is.Empty);
        Assert.That(Carrier.ActiveCalls, Is.EqualTo(1));
    }

    [Test]
    public void HangsUpAfterTheHoldTimeWithAnInDialogBye()
    {
        Create(d => d.HoldMilliseconds = 3000);
        var invite = Invite();
        Run(Ms(10));
        var ok = Transport.Responses(200).Single();
        AckFor(invite, ok);

        Run(Ms(2980));
        Assert.That(Transport.Requests(SipMethod.Bye), Is.Empty);
        Run(Ms(30));
        var bye = Transport.Requests(SipMethod.Bye).Distinct().Single();
        Assert.That(bye.RequestUri.ToString(), Is.EqualTo("sip:switch@198.51.100.7:5062"), "to the caller's Contact");
        Assert.That(bye.From.Tag, Is.EqualTo(ok.To.Tag));
        Assert.That(bye.To.Tag, Is.EqualTo(invite.From.Tag));
        Assert.That(bye.CallId, Is.EqualTo(invite.CallId));
        Assert.That(bye.Headers.Get(HeaderKind.Route), Is.EqualTo("<sip:198.51.100.7:5062;lr>"));
        Assert.That(Carrier.ActiveCalls, Is.Zero);
    }

    [Test]
    public void RandomHoldStaysInItsRange()
    {
        var definition = new SimulatedCarrierDefinition { HoldMilliseconds = 1000, HoldMaxMilliseconds = 2000 };
        var picker = new SimulatedOutcomePicker(definition, new Random(3));
        var holds = Enumerable.Range(0, 200).Select(_ => picker.Hold().TotalMilliseconds).ToArray();

        Assert.That(holds, Has.All.InRange(1000, 2000));
        Assert.That(holds.Distinct().Count(), Is.GreaterThan(50));
    }

    [Test]
    public void MixFollowsThePercentagesWithASeededSource()
    {
        var definition = new SimulatedCarrierDefinition { AnswerPercent = 60, BusyPercent = 20, NoAnswerPercent = 20 };
        var picker = new SimulatedOutcomePicker(definition, new Random(11));
        var counts = Enumerable.Range(0, 10_000).Select(_ => picker.Next()).GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());

        Assert.That(counts[SimulatedOutcome.Answer], Is.InRange(5800, 6200));
        Assert.That(counts[SimulatedOutcome.Busy], Is.InRange(1850, 2150));
        Assert.That(counts[SimulatedOutcome.NoAnswer], Is.InRange(1850, 2150));
        Assert.That(counts.ContainsKey(SimulatedOutcome.Reject), Is.False);
    }

    [Test]
    public void SameSeedSameSequence()
    {
        var definition = new SimulatedCarrierDefinition { AnswerPercent = 50, RejectPercent = 50 };
        var a = new SimulatedOutcomePicker(definition, new Random(5));
        var b = new SimulatedOutcomePicker(definition, new Random(5));

        Assert.That(Enumerable.Range(0, 50).Select(_ => a.Next()), Is.EqualTo(Enumerable.Range(0, 50).Select(_ => b.Next())));
    }

    [Test]
    public void StrayRequestsGetPreciseAnswers()
    {
        Create(d => { });
        Send(TestMessages.Request(SipMethod.Bye, "z9hG4bKb1", toTag: "x", callId: "nothing"));
        Send(TestMessages.Request(SipMethod.Cancel, "z9hG4bKc1", callId: "nothing"));
        Send(TestMessages.Request(SipMethod.Register, "z9hG4bKr1"));
        Send(TestMessages.Request(SipMethod.Options, "z9hG4bKo1"));

        Assert.That(Transport.Responses().Select(r => r.StatusCode), Is.EqualTo(new[] { 481, 481, 405, 200 }));
    }

    [Test]
    public void SecondInviteOnALiveCallIdIsRefused()
    {
        Create(d => { d.AnswerPercent = 0; d.NoAnswerPercent = 100; });
        Invite();
        Invite(branch: "z9hG4bKinv2");

        Assert.That(Transport.Responses(482), Has.Count.EqualTo(1));
        Assert.That(Carrier.ActiveCalls, Is.EqualTo(1));
    }
}

using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Simulation;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;
using Softswitch.Tests.Sip.Transactions;

namespace Softswitch.Tests.Sip.Simulation;

/// <summary>A simulated carrier over the fake transport and fake clock; the test plays the switch calling it.</summary>
public abstract class CarrierFixture
{
    private protected const string Offer =
        "v=0\r\no=- 1 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n" +
        "m=audio 40000 RTP/AVP 8 0 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n";

    private protected FakeTimeProvider Time { get; private set; } = null!;

    private protected FakeTransport Transport { get; private set; } = null!;

    private protected SimulatedCarrier Carrier { get; private set; } = null!;

    private TimerWheel _wheel = null!;

    [SetUp]
    public void CreateClock()
    {
        Time = new FakeTimeProvider();
        _wheel = new TimerWheel(Time);
        Transport = new FakeTransport(Time);
    }

    [TearDown]
    public void DisposeCarrier()
    {
        Carrier?.Dispose();
        _wheel.Dispose();
    }

    private protected void Create(Action<SimulatedCarrierDefinition> configure, Random? random = null)
    {
        var definition = new SimulatedCarrierDefinition { Name = "sim", Media = "silent" };
        configure(definition);
        Assert.That(SimulatedCarrierRules.Check(definition), Is.Null, "the test's definition is valid");
        Carrier = new SimulatedCarrier(definition, Transport, ownsTransport: false, _wheel, new SipTimerOptions(), Time,
            NullLoggerFactory.Instance, random);
    }

    /// <summary>An INVITE as the switch would send it, with an SDP offer.</summary>
    private protected SipRequest Invite(string callId = "call-1@198.51.100.7", string branch = "z9hG4bKinv1")
    {
        var invite = TestMessages.Request(SipMethod.Invite, branch, callId: callId);
        invite.Headers.Add(HeaderKind.Contact, "<sip:switch@198.51.100.7:5062>");
        invite.Headers.Add(HeaderKind.RecordRoute, "<sip:198.51.100.7:5062;lr>");
        invite.Headers.Add(HeaderKind.ContentType, "application/sdp");
        invite.Body = Encoding.ASCII.GetBytes(Offer);
        Carrier.Layer.HandleIncoming(invite);
        return invite;
    }

    private protected void Send(SipMessage message) => Carrier.Layer.HandleIncoming(message);

    /// <summary>The ACK for the carrier's 2xx, a new transaction (§13.2.2.4).</summary>
    private protected SipRequest AckFor(SipRequest invite, SipResponse ok)
    {
        var ack = TestMessages.AckFor(invite, ok, branch: "z9hG4bKack1");
        Send(ack);
        return ack;
    }

    private protected SipRequest InDialog(SipMethod method, SipRequest invite, SipResponse answer, string branch)
    {
        var request = TestMessages.Request(method, branch, cseq: 2, toTag: answer.To.Tag, callId: invite.CallId);
        Send(request);
        return request;
    }

    private protected List<int> Statuses => Transport.Responses().Select(r => r.StatusCode).Distinct().ToList();

    private protected void Run(TimeSpan duration)
    {
        TimeSpan step = TimeSpan.FromMilliseconds(10);
        for (TimeSpan done = TimeSpan.Zero; done < duration; done += step)
        {
            Time.Advance(step);
        }
    }

    private protected static TimeSpan Ms(int value) => TimeSpan.FromMilliseconds(value);
}

using Softswitch.Sip.Media;
using Softswitch.Sip.Messages;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>Issue 12 hole 10: a call that finds no free relay port pair is refused with 503 and Retry-After, not 500.</summary>
public class RelayPortExhaustionTests : B2buaFixture
{
    private readonly List<RtpRelaySession> _held = [];

    [SetUp]
    public void RelayMedia()
    {
        DisposeSwitch();
        CallOptions.RelayMedia = true;
        BuildSwitch();
    }

    [TearDown]
    public void ReleasePorts()
    {
        _held.ForEach(s => s.Dispose());
        _held.Clear();
    }

    [Test]
    public async Task NoFreeRelayPortAnswers503WithRetryAfter()
    {
        while (Relay.TryCreateSession("other-call") is { } session)
        {
            _held.Add(session);
        }

        Invite();
        await WaitForAsync(() => Transport.Responses(503, CallerAddress, SipMethod.Invite).Count == 1, "the 503");

        var refusal = Transport.Responses(503, CallerAddress, SipMethod.Invite).Single();
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Headers.Get(HeaderKind.RetryAfter), Is.EqualTo("5"), "rtp.noPortRetryAfterSeconds");
            Assert.That(Transport.Requests(SipMethod.Invite, CalleeAddress), Is.Empty, "the callee is never called");
            Assert.That(Transport.Responses(500, CallerAddress), Is.Empty);
        });
    }

    [Test]
    public async Task AnotherRefusalOf503CarriesNoRetryAfter()
    {
        // With ports free the call goes out; the callee's 503 relayed to the caller is the callee's, without ours.
        await CallAsync();
        Feed(CalleeResponse(503));
        await WaitForAsync(() => Transport.Responses(503, CallerAddress, SipMethod.Invite).Count == 1, "the relayed 503");

        Assert.That(Transport.Responses(503, CallerAddress, SipMethod.Invite).Single().Headers.Get(HeaderKind.RetryAfter), Is.Null);
    }
}

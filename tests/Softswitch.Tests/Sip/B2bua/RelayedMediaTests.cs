using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Softswitch.Sip.Media;
using Softswitch.Sip.Messages;
using Softswitch.Tests.Sip.Media;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// The B2BUA with the relay on (issue 12): it hands the relay the addresses media may come from, and a call that
/// finds no free relay port pair is refused with 503 and Retry-After, not 500.
/// </summary>
[NonParallelizable]
public class RelayedMediaTests : B2buaFixture
{
    private readonly List<RtpRelaySession> _held = [];
    private readonly List<Socket> _sockets = [];

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
        _sockets.ForEach(s => s.Dispose());
        _sockets.Clear();
    }

    [Test]
    public async Task MediaLatchesFromTheCallersSignallingAddressAndNeverFromAThirdOne()
    {
        // The caller is behind NAT: its SDP names 198.51.100.99:40000, its INVITE and its RTP come from 127.0.0.1.
        Socket phoneA = Bind(IPAddress.Loopback);
        Socket phoneB = Bind(IPAddress.Loopback);
        Socket attacker = Bind(IPAddress.Parse("127.0.0.2"));
        var callerSignalling = new IPEndPoint(IPAddress.Loopback, 5062);
        Invite(from: callerSignalling);
        await WaitForAsync(() => Transport.Requests(SipMethod.Invite, CalleeAddress).Count == 1, "leg B's INVITE");
        int towardB = AudioPort(LegInvite);
        Feed(CalleeResponse(200, sdp: Sdp.Replace("198.51.100.99", "127.0.0.1").Replace("40000", Port(phoneB))));
        await WaitForAsync(() => Transport.Responses(200, callerSignalling, SipMethod.Invite).Count == 1, "the caller's 200");
        int towardA = AudioPort(Transport.Responses(200, callerSignalling, SipMethod.Invite).Single());

        attacker.SendTo([0xEE], new IPEndPoint(IPAddress.Loopback, towardA));
        phoneA.SendTo([0xA0], new IPEndPoint(IPAddress.Loopback, towardA));
        byte[] atB = new byte[16];
        phoneB.Receive(atB);
        phoneB.SendTo([0xB0], new IPEndPoint(IPAddress.Loopback, towardB));
        byte[] atA = new byte[16];
        phoneA.Receive(atA);

        Assert.Multiple(() =>
        {
            Assert.That(atB[0], Is.EqualTo(0xA0), "the callee gets the caller's media, not the attacker's");
            Assert.That(atA[0], Is.EqualTo(0xB0), "the callee's media goes where the caller sends from");
            Assert.That(attacker.Available, Is.Zero);
            Assert.That(Relay.DroppedWrongSource, Is.EqualTo(1));
        });
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

    private Socket Bind(IPAddress address)
    {
        Socket socket = LoopbackPorts.Bind(address);
        _sockets.Add(socket);
        return socket;
    }

    private static string Port(Socket socket) => socket.EndPoint().Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The m=audio port of a message's SDP: the relay port the switch gave that side.</summary>
    private static int AudioPort(SipMessage message) =>
        int.Parse(Regex.Match(Encoding.ASCII.GetString(message.Body.Span), @"m=audio (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}

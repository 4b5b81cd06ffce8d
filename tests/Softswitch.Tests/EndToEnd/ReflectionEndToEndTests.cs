using System.Net;
using System.Net.Sockets;
using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>
/// Issue 12 hole 5 on the wire: an unauthenticated INVITE from 127.0.0.1 whose Via names 127.0.0.3 (the victim, a real
/// socket on the same port number) in <c>received</c> or <c>maddr</c>. The switch answers, retransmits its 407, and
/// the victim receives nothing: every datagram goes to the packet's real source.
/// </summary>
[Category("EndToEnd")]
[NonParallelizable]
public class ReflectionEndToEndTests
{
    private static readonly IPAddress VictimAddress = IPAddress.Parse("127.0.0.3");

    private SwitchHost _switch = null!;

    [OneTimeSetUp]
    public async Task SetUp() => _switch = await SwitchHost.StartAsync("--no-demo");

    [OneTimeTearDown]
    public async Task TearDown() => await _switch.DisposeAsync();

    [TestCase(false, TestName = "ForgedReceivedDoesNotReflect")]
    [TestCase(true, TestName = "ForgedMaddrDoesNotReflect")]
    public async Task VictimNamedInTheViaReceivesNothing(bool maddr)
    {
        using var attacker = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        attacker.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)attacker.LocalEndPoint!).Port;
        using var victim = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        victim.Bind(new IPEndPoint(VictimAddress, port));
        // Without rport the response goes to the source IP at the Via port; with rport to the source port. Either
        // way the victim sits on the port the switch would use if it believed the forged address.
        string via = maddr
            ? $"SIP/2.0/UDP 127.0.0.3:{port};branch=z9hG4bK{Guid.NewGuid():N};maddr=127.0.0.3;rport"
            : $"SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK{Guid.NewGuid():N};received=127.0.0.3";
        string invite =
            $"INVITE sip:1002@127.0.0.1:{_switch.SipPort} SIP/2.0\r\n" +
            $"Via: {via}\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:1001@127.0.0.1>;tag=reflect1\r\n" +
            $"To: <sip:1002@127.0.0.1:{_switch.SipPort}>\r\n" +
            $"Call-ID: {Guid.NewGuid():N}@127.0.0.1\r\n" +
            "CSeq: 1 INVITE\r\n" +
            $"Contact: <sip:1001@127.0.0.1:{port}>\r\n" +
            "Content-Length: 0\r\n\r\n";

        attacker.SendTo(Encoding.ASCII.GetBytes(invite), new IPEndPoint(IPAddress.Loopback, _switch.SipPort));

        // The 407 and its first timer G retransmission (T1 later) both reach the real source...
        var challenges = await ReceiveResponsesAsync(attacker, 407, count: 2);
        Assert.That(challenges, Is.EqualTo(2), "the switch answers the real source, retransmissions included");
        // ...and by then anything sent to the victim would have arrived: loopback delivers in order of sending.
        Assert.That(victim.Available, Is.Zero, "the victim named in the Via must receive nothing");
    }

    private static async Task<int> ReceiveResponsesAsync(Socket socket, int status, int count)
    {
        var buffer = new byte[65_536];
        int seen = 0;
        using var deadline = new CancellationTokenSource(Eventually.DefaultDeadline);
        try
        {
            while (seen < count)
            {
                var result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), deadline.Token);
                var parsed = SipParser.Parse(buffer.AsSpan(0, result.ReceivedBytes).ToArray(), SipParserLimits.Default);
                if (parsed.Message is SipResponse response && response.StatusCode == status)
                {
                    seen++;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        return seen;
    }
}

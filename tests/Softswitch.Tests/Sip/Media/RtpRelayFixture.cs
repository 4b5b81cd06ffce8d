using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Media;

namespace Softswitch.Tests.Sip.Media;

/// <summary>
/// A relay on 127.0.0.1 with a 16-port range and a fake clock, and plain sockets playing phones (and attackers on
/// 127.0.0.2 / 127.0.0.3): helpers to send marked packets and read them back.
/// </summary>
public abstract class RtpRelayFixture
{
    private protected const int PacketSize = 172;

    private protected static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");
    private protected static readonly IPAddress OtherAttacker = IPAddress.Parse("127.0.0.3");

    private readonly List<Socket> _sockets = [];

    private protected FakeTimeProvider Time { get; private set; } = null!;

    private protected RtpRelay Relay { get; private set; } = null!;

    [SetUp]
    public void CreateRelay()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        BuildRelay(_ => { });
    }

    /// <summary>Rebuilds the relay with options changed by <paramref name="configure"/> (a new port range).</summary>
    private protected void BuildRelay(Action<RtpRelayOptions> configure)
    {
        Relay?.Dispose();
        (int first, int last) = LoopbackPorts.FreeRange(16);
        var options = new RtpRelayOptions { BindAddress = "127.0.0.1", PortRangeStart = first, PortRangeEnd = last };
        configure(options);
        Relay = new RtpRelay(options, Time, NullLogger.Instance);
    }

    [TearDown]
    public void DisposeRelay()
    {
        Relay.Dispose();
        _sockets.ForEach(s => s.Dispose());
        _sockets.Clear();
    }

    private protected Socket Phone(int port = 0) => Phone(IPAddress.Loopback, port);

    private protected Socket Phone(IPAddress address, int port = 0)
    {
        Socket socket = LoopbackPorts.Bind(address, port);
        _sockets.Add(socket);
        return socket;
    }

    /// <summary>A session whose two legs' SDP name two fresh phones on 127.0.0.1.</summary>
    private protected (RtpRelaySession Session, Socket A, Socket B) CallWithPhones(string callId)
    {
        RtpRelaySession session = Relay.TryCreateSession(callId)!;
        Socket a = Phone();
        Socket b = Phone();
        session.SetRemote(RtpSide.A, a.EndPoint());
        session.SetRemote(RtpSide.B, b.EndPoint());
        return (session, a, b);
    }

    private protected void Track(params Socket[] sockets) => _sockets.AddRange(sockets);

    private protected static IPEndPoint RelayPort(RtpRelaySession session, RtpSide side, bool rtcp = false) =>
        new(IPAddress.Loopback, session.LocalPort(side) + (rtcp ? 1 : 0));

    private protected static void Send(Socket from, IPEndPoint to, int count, byte marker = 0x80)
    {
        byte[] packet = new byte[PacketSize];
        packet[0] = marker;
        for (int i = 0; i < count; i++)
        {
            from.SendTo(packet, to);
        }
    }

    private protected static List<(byte Marker, IPEndPoint From)> Receive(Socket socket, int count)
    {
        var received = new List<(byte, IPEndPoint)>();
        byte[] buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        for (int i = 0; i < count; i++)
        {
            int length = socket.ReceiveFrom(buffer, ref from);
            Assert.That(length, Is.EqualTo(PacketSize));
            received.Add((buffer[0], (IPEndPoint)from));
        }
        return received;
    }

    /// <summary>
    /// Bytes allocated per call of <paramref name="iteration"/> (which sends through the relay and waits until it is
    /// through), after 500 calls of warm-up. The runtime allocates now and then on its own (thread-pool threads
    /// injected on a busy machine), so the best of three rounds of <paramref name="count"/> is what the relay costs.
    /// </summary>
    private protected static double AllocatedPerIteration(int count, Action iteration)
    {
        for (int i = 0; i < 500; i++)
        {
            iteration();
        }
        long best = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int i = 0; i < count; i++)
            {
                iteration();
            }
            best = Math.Min(best, GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        return best / (double)count;
    }

    /// <summary>Polls <paramref name="condition"/> for at most 5 s of real time (the relay loops run on the thread pool).</summary>
    private protected static void WaitUntil(Func<bool> condition, string what = "the relay")
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "timed out waiting for " + what);
            Thread.Sleep(5);
        }
    }
}

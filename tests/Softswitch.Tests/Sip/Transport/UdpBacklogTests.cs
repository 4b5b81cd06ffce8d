using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Transport;

namespace Softswitch.Tests.Sip.Transport;

/// <summary>
/// The UDP receive loop's backlog, one of the overload signals (docs/hardening.md "Overload"): zero while the loop
/// waits for datagrams, growing while it has found datagrams waiting at every receive since a handler held it up, and
/// back to zero once it has drained the socket. Real loopback socket; no wall time asserted.
/// </summary>
public class UdpBacklogTests
{
    [Test]
    public async Task TheBacklogGrowsWhileTheLoopIsHeldAndClearsOnceItWaitsAgain()
    {
        using var gate = new ManualResetEventSlim(false);
        int handled = 0;
        using var stop = new CancellationTokenSource();
        using var transports = new SipTransportSet(new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0 }, SipParserLimits.Default,
            _ =>
            {
                gate.Wait(TimeSpan.FromSeconds(10));
                Interlocked.Increment(ref handled);
            },
            new FakeTimeProvider(), NullLoggerFactory.Instance);
        transports.Start(stop.Token);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = new IPEndPoint(IPAddress.Loopback, transports.Port);
        Assert.That(transports.UdpBacklog, Is.EqualTo(TimeSpan.Zero), "idle");

        for (int i = 0; i < 3; i++)
        {
            await client.SendToAsync(Encoding.ASCII.GetBytes(
                $"OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bKudp{i}\r\nFrom: <sip:a@127.0.0.1>;tag=t{i}\r\n" +
                $"To: <sip:127.0.0.1>\r\nCall-ID: udp-{i}\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n"), target);
        }
        await Until(() => transports.UdpBacklog > TimeSpan.Zero, "the loop held by the first datagram");
        TimeSpan first = transports.UdpBacklog;
        await Until(() => transports.UdpBacklog > first, "the backlog growing while held");

        gate.Set();
        await Until(() => Volatile.Read(ref handled) == 3, "all three handled");
        await Until(() => transports.UdpBacklog == TimeSpan.Zero, "the loop waiting again");
        stop.Cancel();
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        for (int i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(5);
        }
        Assert.That(condition(), Is.True, "timed out waiting for " + what);
    }
}

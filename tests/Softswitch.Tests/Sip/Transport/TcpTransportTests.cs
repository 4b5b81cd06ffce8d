using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Transport;

namespace Softswitch.Tests.Sip.Transport;

/// <summary>SIP over TCP on loopback (RFC 3261 §18.3): framing by Content-Length, reuse, refusal, idle close.</summary>
public class TcpTransportTests
{
    private FakeTimeProvider _time = null!;
    private SipTransportSet _transports = null!;
    private readonly List<SipMessage> _received = [];
    private CancellationTokenSource _stop = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _stop = new CancellationTokenSource();
        var options = new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0, TcpIdleTimeoutSeconds = 30 };
        _transports = new SipTransportSet(options, SipParserLimits.Default, OnMessage, _time, NullLoggerFactory.Instance);
        _transports.Start(_stop.Token);
    }

    [TearDown]
    public void TearDown()
    {
        _stop.Cancel();
        _transports.Dispose();
        _stop.Dispose();
    }

    private void OnMessage(SipMessage message)
    {
        lock (_received)
        {
            _received.Add(message);
        }
        if (message is SipRequest request)
        {
            // Echo a 200 back through the transport, as the transaction layer would.
            var response = SipResponseFactory.Create(request, 200);
            _transports.SendAsync(response, message.Source!).AsTask().GetAwaiter().GetResult();
        }
    }

    private static string Options(int n, string body = "") =>
        $"OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bKtcp{n}\r\n" +
        $"From: <sip:a@127.0.0.1>;tag=t{n}\r\nTo: <sip:127.0.0.1>\r\nCall-ID: tcp-{n}\r\nCSeq: {n} OPTIONS\r\n" +
        $"Max-Forwards: 70\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _transports.Port));
        return socket;
    }

    private static async Task<string> ReadAsync(Socket socket, int expectedResponses)
    {
        var buffer = new byte[16384];
        var text = new StringBuilder();
        using var cts = new CancellationTokenSource(5000);
        while (CountOccurrences(text.ToString(), "SIP/2.0 ") < expectedResponses)
        {
            int n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            if (n == 0)
            {
                break;
            }
            text.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }
        return text.ToString();
    }

    private static int CountOccurrences(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;

    [Test]
    public async Task FragmentedAndPipelinedMessagesAreFramedByContentLength()
    {
        using var socket = await ConnectAsync();
        byte[] two = Encoding.UTF8.GetBytes("\r\n\r\n" + Options(1, "hello") + Options(2));
        // Byte by byte for the first part, then the rest at once.
        for (int i = 0; i < 40; i++)
        {
            await socket.SendAsync(two.AsMemory(i, 1), SocketFlags.None);
        }
        await socket.SendAsync(two.AsMemory(40), SocketFlags.None);

        string answers = await ReadAsync(socket, 2);
        Assert.That(CountOccurrences(answers, "SIP/2.0 200 OK"), Is.EqualTo(2), answers);
        lock (_received)
        {
            Assert.That(_received.Select(m => m.CallId), Is.EqualTo(new[] { "tcp-1", "tcp-2" }));
            Assert.That(Encoding.UTF8.GetString(_received[0].Body.Span), Is.EqualTo("hello"));
            Assert.That(_received[0].Source!.Transport, Is.EqualTo(SipTransportKind.Tcp));
        }
        Assert.That(_transports.TcpConnectionCount, Is.EqualTo(1), "responses reuse the connection the request came on");
    }

    [Test]
    public async Task MissingContentLengthOnAStreamIsRefusedAndTheConnectionClosed()
    {
        using var socket = await ConnectAsync();
        string noLength = Options(3).Replace("Content-Length: 0\r\n", "");
        await socket.SendAsync(Encoding.UTF8.GetBytes(noLength), SocketFlags.None);
        string answer = await ReadAsync(socket, 1);
        Assert.That(answer, Does.StartWith("SIP/2.0 400"));
        await WaitUntilAsync(() => _transports.TcpConnectionCount == 0);
    }

    [Test]
    public async Task IdleConnectionsAreClosedBySweep()
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync(Encoding.UTF8.GetBytes(Options(4)), SocketFlags.None);
        await ReadAsync(socket, 1);
        Assert.That(_transports.TcpConnectionCount, Is.EqualTo(1));

        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.That(_transports.TcpConnectionCount, Is.EqualTo(1), "not idle long enough yet");
        _time.Advance(TimeSpan.FromSeconds(20));
        await WaitUntilAsync(() => _transports.TcpConnectionCount == 0);
        var buffer = new byte[16];
        using var cts = new CancellationTokenSource(3000);
        Assert.That(await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token), Is.Zero, "the switch closed the connection");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }
        Assert.That(condition(), Is.True);
    }
}

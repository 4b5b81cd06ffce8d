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
/// SIP over TCP on loopback (RFC 3261 §18.3): framing by Content-Length, reuse, refusal, idle close; and the caps
/// and deadlines of issue 12 hole 6 (per-source cap, slowloris deadline, idle not reset by trickled bytes).
/// </summary>
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
        Build(new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0, TcpIdleTimeoutSeconds = 30 });
    }

    /// <summary>(Re)starts the transports with these options (and descriptor budget).</summary>
    private void Build(SipTransportOptions options, DescriptorBudget? descriptors = null)
    {
        // SetUp's transports, replaced by a test that needs other options.
        _stop?.Cancel();
        _transports?.Dispose();
        _stop?.Dispose();
        _stop = new CancellationTokenSource();
        _transports = new SipTransportSet(options, SipParserLimits.Default, OnMessage, _time, NullLoggerFactory.Instance, descriptors);
        _transports.Start(_stop.Token);
    }

    [TearDown]
    public void TearDown()
    {
        _stop.Cancel();
        _transports.Dispose();
        _stop.Dispose();
        _transports = null!; // the next SetUp's Build must not dispose these again
        _stop = null!;
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

    private async Task<Socket> ConnectAsync(string from = "127.0.0.1")
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
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

    [Test]
    public async Task TrickledBytesDoNotResetTheIdleTimeout()
    {
        Build(new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0, TcpIdleTimeoutSeconds = 30, TcpMessageDeadlineSeconds = 3600 });
        using var socket = await ConnectAsync();
        await socket.SendAsync(Encoding.UTF8.GetBytes(Options(5)), SocketFlags.None);
        await ReadAsync(socket, 1);

        // A byte every 10 s: 40 s after the last complete message the connection is idle, whatever trickled in.
        byte[] start = Encoding.UTF8.GetBytes("OPTIONS");
        for (int i = 0; i < 4; i++)
        {
            await TrickleAsync(socket, start[i]);
            _time.Advance(TimeSpan.FromSeconds(10));
        }
        await WaitUntilAsync(() => _transports.TcpConnectionCount == 0);
        Assert.That(await ReceiveOrClosedAsync(socket), Is.Zero, "the switch closed the connection");
    }

    [Test]
    public async Task AMessageTrickledSlowerThanTheDeadlineClosesTheConnection()
    {
        Build(new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0, TcpIdleTimeoutSeconds = 3600, TcpMessageDeadlineSeconds = 20 });
        using var socket = await ConnectAsync();
        byte[] start = Encoding.UTF8.GetBytes("OPTIONS sip:");
        for (int i = 0; i < 4; i++)
        {
            await TrickleAsync(socket, start[i]);
            _time.Advance(TimeSpan.FromSeconds(5));
        }
        Assert.That(_transports.TcpConnectionCount, Is.EqualTo(1), "20 s after the first byte: not past the deadline yet");
        await TrickleAsync(socket, start[4]);
        _time.Advance(TimeSpan.FromSeconds(10));
        await WaitUntilAsync(() => _transports.TcpConnectionCount == 0);
        Assert.That(await ReceiveOrClosedAsync(socket), Is.Zero, "the switch closed the connection");
    }

    [Test]
    public async Task TheDeadlineRunsFromEachMessagesFirstByte()
    {
        Build(new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0, TcpIdleTimeoutSeconds = 3600, TcpMessageDeadlineSeconds = 20 });
        using var socket = await ConnectAsync();
        byte[] two = Encoding.UTF8.GetBytes(Options(6) + Options(7));
        int first = Encoding.UTF8.GetByteCount(Options(6));
        // The first message over 15 s, then the second starts: 30 s after the first byte, 15 s after its own.
        await SendAndWaitAsync(socket, two.AsMemory(0, 10));
        _time.Advance(TimeSpan.FromSeconds(15));
        await SendAndWaitAsync(socket, two.AsMemory(10, first - 10 + 10));
        _time.Advance(TimeSpan.FromSeconds(15));
        await socket.SendAsync(two.AsMemory(first + 10), SocketFlags.None);
        string answers = await ReadAsync(socket, 2);
        Assert.That(CountOccurrences(answers, "SIP/2.0 200 OK"), Is.EqualTo(2),
            $"answers '{answers}', connections {_transports.TcpConnectionCount}, refused {_transports.TcpConnectionsRefused}, messages {_received.Count}");
    }

    [Test]
    public async Task OneSourceAtItsCapLeavesRoomForAnother()
    {
        Build(new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0, MaxTcpConnectionsPerSource = 2 });
        using var first = await ConnectAsync("127.0.0.1");
        using var second = await ConnectAsync("127.0.0.1");
        await WaitUntilAsync(() => _transports.TcpConnectionCount == 2);
        using var third = await ConnectAsync("127.0.0.1");
        Assert.That(await ReceiveOrClosedAsync(third), Is.Zero, "the third connection from 127.0.0.1 is closed on accept");
        Assert.That(_transports.TcpConnectionsRefused, Is.EqualTo(1));

        using var other = await ConnectAsync("127.0.0.2");
        await other.SendAsync(Encoding.UTF8.GetBytes(Options(8)), SocketFlags.None);
        Assert.That(await ReadAsync(other, 1), Does.StartWith("SIP/2.0 200"), "another source still gets in");
        Assert.That(_transports.TcpConnectionCount, Is.EqualTo(3));

        first.Dispose();
        await WaitUntilAsync(() => _transports.TcpConnectionCount == 2);
        using var again = await ConnectAsync("127.0.0.1");
        await again.SendAsync(Encoding.UTF8.GetBytes(Options(9)), SocketFlags.None);
        Assert.That(await ReadAsync(again, 1), Does.StartWith("SIP/2.0 200"), "a closed connection frees its source's slot");
    }

    [Test]
    public async Task TcpConnectionsTakeAtMostHalfOfTheDescriptorBudget()
    {
        var budget = new DescriptorBudget(4);
        Build(new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0 }, budget);
        using var first = await ConnectAsync("127.0.0.1");
        using var second = await ConnectAsync("127.0.0.2");
        await WaitUntilAsync(() => _transports.TcpConnectionCount == 2);
        using var third = await ConnectAsync("127.0.0.3");
        Assert.That(await ReceiveOrClosedAsync(third), Is.Zero, "past half of the budget, closed on accept");
        Assert.That(budget.InUse, Is.EqualTo(2));
        first.Dispose();
        await WaitUntilAsync(() => budget.InUse == 1);
    }

    /// <summary>Sends one byte and waits until the switch has read it, so the fake clock moves only afterwards.</summary>
    private Task TrickleAsync(Socket socket, byte b) => SendAndWaitAsync(socket, new[] { b });

    private async Task SendAndWaitAsync(Socket socket, ReadOnlyMemory<byte> bytes)
    {
        long before = _transports.TcpBytesReceived;
        await socket.SendAsync(bytes, SocketFlags.None);
        await WaitUntilAsync(() => _transports.TcpBytesReceived >= before + bytes.Length);
    }

    /// <summary>0 when the switch closed the connection (or reset it); the byte count if it sent something.</summary>
    private static async Task<int> ReceiveOrClosedAsync(Socket socket)
    {
        var buffer = new byte[16];
        using var cts = new CancellationTokenSource(5000);
        try
        {
            return await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return 0;
        }
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

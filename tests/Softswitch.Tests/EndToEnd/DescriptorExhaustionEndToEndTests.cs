using System.Net;
using System.Net.Sockets;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>
/// Issue 12 hole 1: more TCP connections (SIP, then HTTP) than the process has descriptors. The switch runs under
/// `prlimit --nofile=512:512`; the test opens 700 connections to its SIP port, then the process must still be
/// running, answer /healthz and answer SIP over UDP (docs/hardening.md "TCP and descriptors").
/// </summary>
[Category("EndToEnd")]
[NonParallelizable]
public class DescriptorExhaustionEndToEndTests
{
    private const int OpenFileLimit = 512;
    private const int Connections = 700;

    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "softswitch-fd-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task MoreTcpConnectionsThanDescriptorsLeaveTheSwitchServing()
    {
        using var process = await SwitchProcess.StartWithFileLimitAsync(Path.Combine(_dir, "s.db"), OpenFileLimit, "--no-demo");
        Assert.That(await process.WaitForOutputAsync(SwitchProcess.StartedLine), Is.True, process.Output);

        var sockets = await OpenAsync(process.SipPort, Connections);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var healthz = new Uri($"http://127.0.0.1:{process.HttpPort}/healthz");
            // Several times over a few seconds: a switch spinning on accept failures stops answering within them.
            for (int round = 0; round < 3; round++)
            {
                Assert.That(process.HasExited, Is.False, "the switch died:\n" + Tail(process.Output));
                HttpStatusCode? status = null;
                try
                {
                    status = (await http.GetAsync(healthz)).StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK), $"/healthz round {round}:\n" + Tail(process.Output));

                using var client = new TestSipClient(process.SipPort);
                var answer = await client.RequestAsync(client.Options(), timeoutMs: 5000);
                Assert.That(answer.StatusCode, Is.EqualTo(200), "OPTIONS over UDP");
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            Assert.That(process.HasExited, Is.False, "the switch died:\n" + Tail(process.Output));
            Assert.That(await TcpOptionsAsync(sockets[0], process.SipPort), Does.StartWith("SIP/2.0 200"),
                "the first connections stay within the budget and are served");
            int acceptLines = process.Output.Split('\n').Count(l => l.Contains("accept", StringComparison.OrdinalIgnoreCase));
            Assert.That(acceptLines, Is.LessThan(50), "accept failures are logged once per interval, not once each:\n" + Tail(process.Output));
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    [Test]
    public async Task MoreHttpConnectionsThanDescriptorsLeaveTheSwitchRunningAndHealthzComesBack()
    {
        using var process = await SwitchProcess.StartWithFileLimitAsync(Path.Combine(_dir, "s.db"), OpenFileLimit, "--no-demo");
        Assert.That(await process.WaitForOutputAsync(SwitchProcess.StartedLine), Is.True, process.Output);
        var sockets = await OpenAsync(process.HttpPort, Connections);
        try
        {
            using var client = new TestSipClient(process.SipPort);
            var answer = await client.RequestAsync(client.Options(), timeoutMs: 5000);
            Assert.That(answer.StatusCode, Is.EqualTo(200), "OPTIONS over UDP while HTTP is flooded");
            // HTTP holds no more than its share of the headroom, so SIP over TCP still gets descriptors.
            var sip = (await OpenAsync(process.SipPort, 1)).Single();
            using (sip)
            {
                Assert.That(await TcpOptionsAsync(sip, process.SipPort), Does.StartWith("SIP/2.0 200"),
                    "a new SIP TCP connection is served while HTTP is flooded:\n" + Tail(process.Output));
            }
            Assert.That(process.HasExited, Is.False, "the switch died:\n" + Tail(process.Output));
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var healthz = new Uri($"http://127.0.0.1:{process.HttpPort}/healthz");
        var status = await Eventually.ReadUntilAsync(async () =>
        {
            try
            {
                return (HttpStatusCode?)(await http.GetAsync(healthz)).StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return null;
            }
        }, s => s == HttpStatusCode.OK);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "/healthz once the flood is gone:\n" + Tail(process.Output));
        Assert.That(process.HasExited, Is.False, "the switch died:\n" + Tail(process.Output));
    }

    /// <summary>
    /// Opens <paramref name="count"/> TCP connections to the port. The kernel completes handshakes into the listen
    /// backlog whatever the process does with them; a refused or timed-out connect is the switch shedding, allowed.
    /// </summary>
    private static async Task<List<Socket>> OpenAsync(int port, int count)
    {
        var target = new IPEndPoint(IPAddress.Loopback, port);
        var sockets = new List<Socket>(count);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Bounded in time as well as count: a full backlog makes each connect wait for its timeout.
        for (int i = 0; i < count && watch.Elapsed < TimeSpan.FromSeconds(30); i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            sockets.Add(socket);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await socket.ConnectAsync(target, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
            }
        }
        return sockets;
    }

    /// <summary>An OPTIONS over an open TCP connection; what comes back ("" if the switch closed it, the error if it reset it).</summary>
    private static async Task<string> TcpOptionsAsync(Socket socket, int port)
    {
        string local = socket.LocalEndPoint!.ToString()!;
        string request = $"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/TCP {local};branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
            $"From: <sip:probe@127.0.0.1>;tag=fd1\r\nTo: <sip:127.0.0.1:{port}>\r\nCall-ID: {Guid.NewGuid():N}\r\n" +
            "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(request), SocketFlags.None);
            int n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, n);
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode.ToString();
        }
    }

    private static string Tail(string output) => output.Length <= 4000 ? output : output[^4000..];
}

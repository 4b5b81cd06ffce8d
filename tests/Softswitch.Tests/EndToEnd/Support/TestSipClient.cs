using System.Net;
using System.Net.Sockets;
using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Tests.EndToEnd.Support;

/// <summary>
/// A minimal UDP user agent for end-to-end tests: it writes requests as text (so it does not depend on the
/// switch's serializer) and parses what comes back with the switch's parser.
/// </summary>
public sealed class TestSipClient : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _server;
    private int _cseq;

    /// <summary>A client on an ephemeral port of <paramref name="localAddress"/> (127.0.0.1 unless another loopback address is given).</summary>
    public TestSipClient(int serverPort, IPAddress? localAddress = null)
    {
        _socket.Bind(new IPEndPoint(localAddress ?? IPAddress.Loopback, 0));
        _server = new IPEndPoint(IPAddress.Loopback, serverPort);
        CallId = Guid.NewGuid().ToString("N") + "@127.0.0.1";
        FromTag = Guid.NewGuid().ToString("N")[..10];
    }

    public int LocalPort => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public string CallId { get; set; }

    public string FromTag { get; }

    public void SendRaw(string text) => SendRaw(Encoding.UTF8.GetBytes(text));

    public void SendRaw(byte[] datagram) => _socket.SendTo(datagram, _server);

    /// <summary>Waits for the next datagram from the switch; null on timeout.</summary>
    public async Task<SipResponse?> ReceiveAsync(int timeoutMs = 3000)
    {
        var buffer = new byte[65_536];
        using var cts = new CancellationTokenSource(timeoutMs);
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
                var parsed = SipParser.Parse(buffer.AsSpan(0, result.ReceivedBytes).ToArray(), SipParserLimits.Default);
                if (parsed.Message is SipResponse response)
                {
                    return response;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async Task<SipResponse> RequestAsync(string text, int timeoutMs = 3000)
    {
        SendRaw(text);
        // Skip provisional responses.
        while (true)
        {
            var response = await ReceiveAsync(timeoutMs) ?? throw new AssertionException("no response from the switch");
            if (response.StatusCode >= 200)
            {
                return response;
            }
        }
    }

    public string Register(string user, int expires = 300, string? authorization = null, string? contact = null)
    {
        int cseq = ++_cseq;
        var sb = new StringBuilder();
        sb.Append($"REGISTER sip:127.0.0.1:{_server.Port} SIP/2.0\r\n");
        sb.Append($"Via: SIP/2.0/UDP 127.0.0.1:{LocalPort};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n");
        sb.Append($"From: <sip:{user}@127.0.0.1>;tag={FromTag}\r\n");
        sb.Append($"To: <sip:{user}@127.0.0.1>\r\n");
        sb.Append($"Call-ID: {CallId}\r\n");
        sb.Append($"CSeq: {cseq} REGISTER\r\n");
        sb.Append($"Contact: {contact ?? $"<sip:{user}@127.0.0.1:{LocalPort}>"}\r\n");
        sb.Append($"Expires: {expires}\r\n");
        sb.Append("Max-Forwards: 70\r\n");
        if (authorization is not null)
        {
            sb.Append($"Authorization: {authorization}\r\n");
        }
        sb.Append("Content-Length: 0\r\n\r\n");
        return sb.ToString();
    }

    public string Options()
    {
        int cseq = ++_cseq;
        return $"OPTIONS sip:127.0.0.1:{_server.Port} SIP/2.0\r\n" +
               $"Via: SIP/2.0/UDP 127.0.0.1:{LocalPort};branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
               $"From: <sip:probe@127.0.0.1>;tag={FromTag}\r\n" +
               $"To: <sip:127.0.0.1:{_server.Port}>\r\n" +
               $"Call-ID: {Guid.NewGuid():N}\r\n" +
               $"CSeq: {cseq} OPTIONS\r\n" +
               "Max-Forwards: 70\r\n" +
               "Content-Length: 0\r\n\r\n";
    }

    public void Dispose() => _socket.Dispose();
}

using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// Records every message the switch sends, with the fake clock's time, safely from any thread: the B2BUA sends from
/// its call mailboxes on the thread pool while the test reads.
/// </summary>
internal sealed class RecordingTransport(FakeTimeProvider time) : ISipTransport
{
    private readonly Lock _gate = new();
    private readonly List<(SipMessage Message, SipEndPoint Destination, DateTimeOffset At)> _sent = [];

    public static readonly IPEndPoint Local = new(IPAddress.Parse("192.0.2.1"), 5060);

    public SipEndPoint LocalEndPoint(SipTransportKind transport) => new(transport, Local);

    public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _sent.Add((message, destination, time.GetUtcNow()));
        }
        return ValueTask.CompletedTask;
    }

    public List<(SipMessage Message, SipEndPoint Destination, DateTimeOffset At)> Sent()
    {
        lock (_gate)
        {
            return [.. _sent];
        }
    }

    /// <summary>Requests of <paramref name="method"/> sent to <paramref name="to"/>.</summary>
    public List<SipRequest> Requests(SipMethod method, IPEndPoint to) =>
        Sent().Where(s => s.Destination.EndPoint.Equals(to)).Select(s => s.Message).OfType<SipRequest>().Where(r => r.Method == method).ToList();

    /// <summary>Responses with <paramref name="status"/> sent to <paramref name="to"/>, optionally for one CSeq method.</summary>
    public List<SipResponse> Responses(int status, IPEndPoint to, SipMethod? method = null) =>
        Sent().Where(s => s.Destination.EndPoint.Equals(to)).Select(s => s.Message).OfType<SipResponse>()
            .Where(r => r.StatusCode == status && (method is null || r.CSeq.Method == method)).ToList();
}

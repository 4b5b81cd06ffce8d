using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>Records every send with the fake clock's time; the fault-injection seam can drop or fail messages.</summary>
internal sealed class FakeTransport(FakeTimeProvider time) : ISipTransport
{
    private readonly DateTimeOffset _start = time.GetUtcNow();

    public static readonly IPEndPoint Local = new(IPAddress.Parse("192.0.2.1"), 5060);

    public List<(SipMessage Message, SipEndPoint Destination, TimeSpan At)> Sent { get; } = [];

    /// <summary>Messages for which this returns true are silently lost (as UDP would).</summary>
    public Func<SipMessage, bool>? Drop { get; set; }

    /// <summary>Messages for which this returns an exception fail to send synchronously.</summary>
    public Func<SipMessage, Exception?>? Fail { get; set; }

    /// <summary>When set, sends complete later: the test completes or faults the source.</summary>
    public TaskCompletionSource? Pending { get; set; }

    public SipEndPoint LocalEndPoint(SipTransportKind transport) => new(transport, Local);

    public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        if (Fail?.Invoke(message) is { } error)
        {
            throw error;
        }
        if (Drop?.Invoke(message) != true)
        {
            Sent.Add((message, destination, time.GetUtcNow() - _start));
        }
        return Pending is { } pending ? new ValueTask(pending.Task) : ValueTask.CompletedTask;
    }

    public List<SipResponse> Responses(int? code = null) =>
        Sent.Select(s => s.Message).OfType<SipResponse>().Where(r => code is null || r.StatusCode == code).ToList();

    public List<SipRequest> Requests(SipMethod? method = null) =>
        Sent.Select(s => s.Message).OfType<SipRequest>().Where(r => method is null || r.Method == method).ToList();

    public List<TimeSpan> TimesOf(SipMethod method) =>
        Sent.Where(s => s.Message is SipRequest r && r.Method == method).Select(s => s.At).ToList();

    public List<TimeSpan> TimesOfResponse(int code) =>
        Sent.Where(s => s.Message is SipResponse r && r.StatusCode == code).Select(s => s.At).ToList();
}

using Softswitch.Core.Calls;

namespace Softswitch.Core.Pushes;

/// <summary>
/// Publishes CallStateReport (001_… §4.5) for every call state change. Runs on the call's serialized context (see
/// <see cref="CallEvents"/>), so it only maps the report and enqueues; the lane "call:&lt;callId&gt;" keeps a
/// call's reports in the order they were raised. Subscribed from construction until disposed.
/// </summary>
public sealed class CallStatePushSource : IDisposable
{
    private readonly CallEvents _events;
    private readonly IPushPublisher _publisher;

    public CallStatePushSource(CallEvents events, IPushPublisher publisher)
    {
        _events = events;
        _publisher = publisher;
        _events.StateReported += OnStateReported;
    }

    public void Dispose() => _events.StateReported -= OnStateReported;

    public static CallStateReportPush ToPush(CallStateReport r) => new()
    {
        CallId = r.CallId,
        CallState = (int)r.CallState,
        EventTime = r.EventTime.ToUnixTimeMilliseconds(),
        CallerE164 = r.CallerE164,
        CalleeE164 = r.CalleeE164,
        CallerGatewayId = r.CallerGatewayId,
        CalleeGatewayId = r.CalleeGatewayId,
        CallerIp = r.CallerIp,
        CalleeIp = r.CalleeIp,
        CallerLocalIp = r.CallerLocalIp,
        CalleeLocalIp = r.CalleeLocalIp,
        TransactionId = r.TransactionId,
        CallIdentifier = r.CallIdentifier,
    };

    private void OnStateReported(CallStateReport report) =>
        _publisher.Publish(PushMessage.CallStateReport(ToPush(report)));
}

using Softswitch.Core.Calls;

namespace Softswitch.Api.Composition;

/// <summary>
/// Logs the call hub's events: refused transitions as warnings (docs/architecture.md: an illegal pair is logged with
/// the Call-ID), state changes at debug level. Core has no logger, so the host subscribes here.
/// </summary>
internal sealed class CallEventLogger(CallEvents events, ILogger<CallEventLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        events.TransitionRefused += OnRefused;
        events.StateReported += OnReported;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        events.TransitionRefused -= OnRefused;
        events.StateReported -= OnReported;
        return Task.CompletedTask;
    }

    private void OnRefused(RefusedTransition r) =>
        CallLog.TransitionRefused(logger, r.CallId, r.Trigger, r.State, r.SipCallId);

    private void OnReported(CallStateReport r) =>
        CallLog.StateChanged(logger, r.CallId, r.PreviousState, r.CallState, r.Trigger, r.CallIdentifier);
}

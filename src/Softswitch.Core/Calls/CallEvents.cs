namespace Softswitch.Core.Calls;

/// <summary>
/// The in-process event hub of all calls: state reports (for the CallStateReport push, 001_… §4.5, and metrics)
/// and refused transitions (for the log; Core has no logger, the host subscribes). Handlers run synchronously on
/// the call's serialized context, so they must be quick and must not throw; one that throws is counted in
/// <see cref="HandlerFailures"/> and the others still run, so a bad subscriber cannot break a call.
/// </summary>
public sealed class CallEvents
{
    private long _handlerFailures;

    public event Action<CallStateReport>? StateReported;

    public event Action<RefusedTransition>? TransitionRefused;

    public long HandlerFailures => Interlocked.Read(ref _handlerFailures);

    internal void Publish(CallStateReport report) => Raise(StateReported, report);

    internal void Publish(RefusedTransition refused) => Raise(TransitionRefused, refused);

    private void Raise<T>(Action<T>? handlers, T value)
    {
        if (handlers is null)
        {
            return;
        }
        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((Action<T>)handler)(value);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _handlerFailures);
            }
        }
    }
}

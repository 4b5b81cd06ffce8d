using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// What every RFC 3261 §17 transaction shares: its request, its state, its timers on the shared
/// <see cref="TimerWheel"/>, and the serialization of its events.
/// </summary>
/// <remarks>
/// <para>Threading model: each transaction owns one lock. Every event (a message from the transport, a response from
/// the TU, a timer firing, a send failure) takes that lock and goes through the kind's one
/// <c>Handle(event, message)</c> method, the only place the state changes (a switch on event then state; a pair that
/// has no transition is logged and dropped, Kamailio style). So timer firings and network events never race, while
/// different transactions run in parallel. TU callbacks are invoked with the lock held, in event order; the lock is
/// re-entrant, so a TU may answer the same transaction from inside <c>OnRequest</c>, but it must not block there, and
/// it should not drive a different transaction synchronously from a callback (two legs doing that to each other on two
/// threads would take the two locks in opposite orders): a B2BUA posts the event to its call's mailbox instead.</para>
/// <para>A timer cancelled while its firing is already in flight still calls <see cref="ITimerTarget.OnTimer"/>; the
/// stored handle no longer matches and the firing is dropped.</para>
/// <para>Sends are fire-and-forget on the transport's <see cref="ValueTask"/>; a failure, synchronous or not, comes
/// back as a <see cref="TransactionEvent.TransportError"/> event after the current event has been handled.</para>
/// </remarks>
public abstract class SipTransaction : ITimerTarget
{
    private TimerHandle _retransmitTimer;
    private TimerHandle _timeoutTimer;
    private TimerHandle _waitTimer;
    private TimerHandle _tryingTimer;
    private Exception? _pendingSendError;

    private protected SipTransaction(SipTransactionLayer layer, SipRequest request, bool reliable, TransactionState initial)
    {
        Layer = layer;
        Request = request;
        IsReliable = reliable;
        State = initial;
    }

    /// <summary>
    /// The request that created the transaction. Once a non-INVITE server transaction has sent its final response it
    /// holds a trimmed copy instead (<see cref="ServerTransaction.Trim"/>): the same start line, Via, From, To, Call-ID
    /// and CSeq, without the datagram and the other headers.
    /// </summary>
    public SipRequest Request { get; private protected set; }

    public TransactionState State { get; private set; }

    /// <summary>TCP, TLS or WS: no retransmissions, and the wait timers D, I, J, K are zero (§17.1.1.2, §17.1.2.2).</summary>
    public bool IsReliable { get; }

    public string CallId => Request.CallId;

    /// <summary>The error of the last <see cref="TransactionEvent.TransportError"/>.</summary>
    public Exception? LastError { get; private set; }

    private protected Lock Gate { get; } = new();

    private protected SipTransactionLayer Layer { get; }

    private protected SipTimerOptions Timers => Layer.Options;

    /// <summary>The state machine of the transaction kind; called with <see cref="Gate"/> held.</summary>
    private protected abstract void Handle(TransactionEvent trigger, SipMessage? message);

    /// <summary>Tells the TU the transaction is over; called once, with the gate held, after it left the table.</summary>
    private protected abstract void ReportTerminated(TransactionEndReason reason);

    void ITimerTarget.OnTimer(int kind, TimerHandle handle)
    {
        var trigger = (TransactionEvent)kind;
        lock (Gate)
        {
            ref TimerHandle stored = ref TimerSlot(trigger);
            if (stored != handle)
            {
                return; // cancelled or replaced while this firing was in flight
            }
            stored = default;
            Dispatch(trigger, null);
        }
    }

    /// <summary>Runs one event and then any send failure it caused; the caller holds <see cref="Gate"/>.</summary>
    private protected void Dispatch(TransactionEvent trigger, SipMessage? message)
    {
        if (State == TransactionState.Terminated)
        {
            return;
        }
        Handle(trigger, message);
        FlushSendErrors();
    }

    /// <summary>Turns a send failure recorded during the last step into a transport-error event.</summary>
    private protected void FlushSendErrors()
    {
        while (_pendingSendError is { } error && State != TransactionState.Terminated)
        {
            _pendingSendError = null;
            LastError = error;
            Handle(TransactionEvent.TransportError, null);
        }
        _pendingSendError = null;
    }

    private protected void MoveTo(TransactionState next) => State = next;

    private protected void Ignore(TransactionEvent trigger) =>
        TransactionLog.IgnoredEvent(Layer.Logger, GetType().Name, trigger, State, CallId);

    /// <summary>Starts (or restarts) the timer behind <paramref name="timer"/>; a zero delay still goes through the wheel.</summary>
    private protected void StartTimer(TransactionEvent timer, TimeSpan delay)
    {
        ref TimerHandle slot = ref TimerSlot(timer);
        Layer.Wheel.Cancel(slot);
        slot = Layer.Wheel.Schedule(delay, this, (int)timer);
    }

    private protected void StopTimer(TransactionEvent timer)
    {
        ref TimerHandle slot = ref TimerSlot(timer);
        Layer.Wheel.Cancel(slot);
        slot = default;
    }

    /// <summary>Sends through the transport without waiting; failures come back as a transport-error event.</summary>
    private protected void Send(SipMessage message, SipEndPoint destination)
    {
        ValueTask pending;
        try
        {
            pending = Layer.Transport.SendAsync(message, destination);
            if (pending.IsCompleted)
            {
                pending.GetAwaiter().GetResult();
                return;
            }
        }
        catch (Exception e)
        {
            _pendingSendError = e;
            return;
        }
        _ = ObserveSendAsync(pending);
    }

    /// <summary>Records a failure found before reaching the transport (no route); handled like a send failure.</summary>
    private protected void FailSend(Exception error) => _pendingSendError = error;

    /// <summary>Stops every timer, leaves the table and tells the TU. Idempotent.</summary>
    private protected void Terminate(TransactionEndReason reason)
    {
        if (State == TransactionState.Terminated)
        {
            return;
        }
        StopTimer(TransactionEvent.RetransmitTimer);
        StopTimer(TransactionEvent.TimeoutTimer);
        StopTimer(TransactionEvent.WaitTimer);
        StopTimer(TransactionEvent.TryingTimer);
        MoveTo(TransactionState.Terminated);
        Layer.Remove(this);
        ReportTerminated(reason);
    }

    /// <summary>
    /// Timers D, I, J, K: wait <paramref name="delay"/> in the current state, then terminate. Over a reliable transport
    /// the RFC sets them to zero, which means terminating now (§17.1.1.2, §17.1.2.2, §17.2.1, §17.2.2).
    /// </summary>
    private protected void WaitThenTerminate(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Terminate(TransactionEndReason.Completed);
        }
        else
        {
            StartTimer(TransactionEvent.WaitTimer, delay);
        }
    }

    /// <summary>Doubles a retransmit interval, capped at T2 when <paramref name="capAtT2"/> (§17.1.2.2, §17.2.1).</summary>
    private protected TimeSpan Backoff(TimeSpan interval, bool capAtT2)
    {
        TimeSpan next = interval * 2;
        return capAtT2 && next > Timers.T2 ? Timers.T2 : next;
    }

    private async Task ObserveSendAsync(ValueTask pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            lock (Gate)
            {
                if (State != TransactionState.Terminated)
                {
                    LastError = e;
                    Dispatch(TransactionEvent.TransportError, null);
                }
            }
        }
    }

    private ref TimerHandle TimerSlot(TransactionEvent timer)
    {
        switch (timer)
        {
            case TransactionEvent.RetransmitTimer:
                return ref _retransmitTimer;
            case TransactionEvent.TimeoutTimer:
                return ref _timeoutTimer;
            case TransactionEvent.WaitTimer:
                return ref _waitTimer;
            case TransactionEvent.TryingTimer:
                return ref _tryingTimer;
            default:
                throw new ArgumentOutOfRangeException(nameof(timer), timer, "not a timer event");
        }
    }
}

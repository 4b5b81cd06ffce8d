using Softswitch.Core.Calls;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;

namespace Softswitch.Sip.B2bua;

internal enum CallTimer
{
    OkRetransmit = 1,
    Setup = 2,
    MaxDuration = 3,
    MediaCheck = 4,
    SessionExpired = 5,
    ReliableRetransmit = 6,
}

/// <summary>Set-up stages with their own timeout (VOS3000 timeoutInvite, timeoutTrying, timeoutSessionProgress, timeoutRinging).</summary>
internal enum SetupStage
{
    Invite,
    Trying,
    Progress,
    Ringing,
}

internal sealed partial class B2buaCall
{
    private static readonly TimeSpan MediaCheckInterval = TimeSpan.FromSeconds(1);

    private TimerHandle _setupTimer;
    private SetupStage _setupStage;
    private TimerHandle _okTimer;
    private TimeSpan _okInterval;
    private TimeSpan _okElapsed;
    private SipResponse? _callerOk;
    private TimerHandle _maxDurationTimer;
    private TimerHandle _mediaTimer;

    private TimerWheel Wheel => _owner.Wheel;

    private void StartSetupTimer(SetupStage stage)
    {
        var o = _owner.Options;
        int seconds = stage switch
        {
            SetupStage.Invite => o.TimeoutInviteSeconds,
            SetupStage.Trying => o.TimeoutTryingSeconds,
            SetupStage.Progress => o.TimeoutSessionProgressSeconds,
            _ => o.TimeoutRingingSeconds,
        };
        Wheel.Cancel(_setupTimer);
        _setupStage = stage;
        _setupTimer = Wheel.Schedule(TimeSpan.FromSeconds(seconds), this, (int)CallTimer.Setup);
    }

    private void StopSetupTimer() => Wheel.Cancel(_setupTimer);

    /// <summary>2xx to the caller's INVITE is retransmitted by the UAS core until the ACK comes (§13.3.1.4).</summary>
    private void SendCallerOk(SipResponse ok)
    {
        _callerOk = ok;
        _callerInvite.SendResponse(ok);
        if (Caller.Destination.Transport == SipTransportKind.Udp)
        {
            _okInterval = _owner.TimerOptions.T1;
            _okElapsed = TimeSpan.Zero;
            _okTimer = Wheel.Schedule(_okInterval, this, (int)CallTimer.OkRetransmit);
        }
    }

    private void StartCallTimers()
    {
        if (_owner.Options.MaxCallDurationSeconds > 0)
        {
            _maxDurationTimer = Wheel.Schedule(TimeSpan.FromSeconds(_owner.Options.MaxCallDurationSeconds), this, (int)CallTimer.MaxDuration);
        }
        if (MediaCheckEnabled)
        {
            _mediaTimer = Wheel.Schedule(MediaCheckInterval, this, (int)CallTimer.MediaCheck);
        }
    }

    private void StopAllTimers()
    {
        Wheel.Cancel(_setupTimer);
        Wheel.Cancel(_okTimer);
        Wheel.Cancel(_maxDurationTimer);
        Wheel.Cancel(_mediaTimer);
        Wheel.Cancel(_sessionTimer);
        Wheel.Cancel(_reliableTimer);
    }

    /// <summary>The caller ACKed our 2xx: stop retransmitting it.</summary>
    public void OnCallerAck(SipRequest ack)
    {
        Wheel.Cancel(_okTimer);
        _callerOk = null;
        OnCallerAckMedia(ack);
    }

    private void HandleTimer(CallTimer timer, TimerHandle handle)
    {
        if (Phase == CallPhase.Ended)
        {
            return;
        }
        switch (timer)
        {
            case CallTimer.Setup when handle == _setupTimer && Phase == CallPhase.Setup:
                EndReason reason = _setupStage switch
                {
                    SetupStage.Invite => EndReason.InviteTimeout,
                    SetupStage.Trying => EndReason.TryingTimeout,
                    SetupStage.Progress => EndReason.ProgressTimeout,
                    _ => EndReason.NoAnswer,
                };
                FailCall(SipStatusFor(reason), reason);
                break;
            case CallTimer.OkRetransmit when handle == _okTimer && _callerOk is not null:
                _okElapsed += _okInterval;
                if (_okElapsed >= _owner.TimerOptions.SixtyFourT1)
                {
                    // §13.3.1.4: no ACK within 64*T1 — the dialog is confirmed and then torn down with BYE.
                    Hangup(EndReason.AckTimeout);
                    return;
                }
                _callerInvite.SendResponse(_callerOk);
                _okInterval = TimeSpan.FromTicks(Math.Min(_okInterval.Ticks * 2, _owner.TimerOptions.T2.Ticks));
                _okTimer = Wheel.Schedule(_okInterval, this, (int)CallTimer.OkRetransmit);
                break;
            case CallTimer.MaxDuration when handle == _maxDurationTimer && Phase == CallPhase.Connected:
                Hangup(EndReason.MaxDurationReached);
                break;
            case CallTimer.SessionExpired:
                OnSessionExpired(handle);
                break;
            case CallTimer.ReliableRetransmit:
                OnReliableTimer(handle);
                break;
            case CallTimer.MediaCheck when handle == _mediaTimer && Phase == CallPhase.Connected:
                if (MediaIdleTooLong())
                {
                    Hangup(EndReason.NoMedia);
                    return;
                }
                _mediaTimer = Wheel.Schedule(MediaCheckInterval, this, (int)CallTimer.MediaCheck);
                break;
        }
    }
}

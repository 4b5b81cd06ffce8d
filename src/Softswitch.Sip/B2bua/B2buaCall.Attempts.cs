using Softswitch.Core.Calls;
using Softswitch.Core.Routing;
using Softswitch.Sip.Media;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// Attempts run one after the other: when every leg of one failed (or its set-up timer ran out), the call's
/// <see cref="IAttemptSource"/> reads the <see cref="AttemptOutcome"/> and gives the next attempt, or none and the call
/// fails with that outcome. A new attempt fires Rerouted on the Core call (back to -7 Invite) and names its
/// destination and gateway in the call record, so the CDR shows the attempt that carried or failed the call last.
/// </summary>
internal sealed partial class B2buaCall
{
    private IAttemptSource _attempts = SingleAttempt.Instance;
    private ReadOnlyMemory<byte> _calleeOffer;
    private string? _calleeOfferType;
    private AttemptProgress? _attempt;
    private readonly List<AttemptOutcome> _outcomes = [];

    /// <summary>What the current attempt has seen so far, for its outcome.</summary>
    private sealed class AttemptProgress(CallAttempt attempt, int number, DateTimeOffset started, long rtpBefore)
    {
        public CallAttempt Attempt { get; } = attempt;

        public int Number { get; } = number;

        public DateTimeOffset Started { get; } = started;

        /// <summary>Packets the relay had received from the callee side when the attempt started.</summary>
        public long RtpBefore { get; } = rtpBefore;

        /// <summary>A 180/181/182 arrived (switchAllowRing); a 183 alone does not count.</summary>
        public bool RingingSeen { get; set; }

        public bool SdpSeen { get; set; }
    }

    /// <summary>The outcomes of the attempts that failed so far, in order.</summary>
    internal IReadOnlyList<AttemptOutcome> Outcomes => _outcomes;

    /// <summary>Every leg of every attempt, in the order their INVITEs went out.</summary>
    internal IReadOnlyList<CalleeLeg> Legs => _legs;

    private IEnumerable<CalleeLeg> AttemptLegs => _legs.Where(l => l.Attempt == _attempt?.Number);

    /// <summary>(Routing or Rerouting, AttemptStarted): the INVITEs of the attempt go out; InviteSent or Rerouted.</summary>
    private void StartAttempt(CallInput input)
    {
        var attempt = input.Attempt!;
        int number = (_attempt?.Number ?? 0) + 1;
        _attempt = new AttemptProgress(attempt, number, _owner.Time.GetUtcNow(), CalleeRtpPackets());
        _earlyLeg = null;
        _started.Add(attempt);
        if (attempt.Plan?.Gateway is { } gateway)
        {
            ApplySourceCheck(RtpSide.B, gateway.RtpSourceCheck);
        }
        int first = _legs.Count;
        SendInvites(attempt, number);
        _owner.LogAttemptStarted(Caller.CallId, number, attempt.Gateway, _legs[first].Dialog.Destination.EndPoint);
        OnInviteSent(_legs[first], attempt, rerouted: number > 1);
        StartSetupTimer(SetupStage.Invite);
    }

    /// <summary>(Calling, LegFailed): once the last leg of the attempt has failed, the attempt has.</summary>
    private void OnLegFailed(CallInput input)
    {
        if (AttemptLegs.All(l => l.State == LegState.Failed))
        {
            var legs = AttemptLegs.ToList();
            int status = ForkResponses.BestFailure(legs.Select(l => l.FinalStatus));
            var end = legs.TrueForAll(l => l.Failure == AttemptEnd.TransportFailure) ? AttemptEnd.TransportFailure
                : legs.Exists(l => l.Failure == AttemptEnd.FinalResponse) ? AttemptEnd.FinalResponse
                : AttemptEnd.NoResponse;
            Fire(BridgeEvent.AttemptFailed, new CallInput { Outcome = OutcomeOf(end, status, EndReason.InviteTimeout) });
        }
    }

    /// <summary>(Calling, SetupTimeout): the attempt's legs are given up (CANCEL) and the attempt has failed.</summary>
    private void OnAttemptTimedOut(CallInput input)
    {
        AbandonLegs();
        NextAttempt(new CallInput { Outcome = OutcomeOf(AttemptEnd.Timeout, input.Status, input.Reason) });
    }

    /// <summary>(Rerouting): the next attempt from the call's source, or the call fails with the last outcome.</summary>
    private void NextAttempt(CallInput input)
    {
        var outcome = input.Outcome!;
        _outcomes.Add(outcome);
        _owner.LogAttemptFailed(Caller.CallId, outcome.Attempt, outcome.Gateway, outcome.End, outcome.Status);
        if (_attempt?.Attempt is { } failed)
        {
            failed.Ticket?.Failed(outcome.Status is >= 300 and <= 699 ? outcome.Status : 0);
            failed.Lease?.Dispose();
        }
        if (_attempts.Next(outcome) is { Targets.Count: > 0 } next)
        {
            Fire(BridgeEvent.AttemptStarted, new CallInput { Attempt = next });
            return;
        }
        var reason = _attempts.StopReason ?? outcome.Reason;
        int status = reason == outcome.Reason ? outcome.Status : SipStatusFor(reason);
        Fire(BridgeEvent.Fail, new CallInput { Status = status, Reason = reason });
    }

    /// <summary>The current attempt's outcome; <paramref name="timeoutReason"/> names the timer for a timeout.</summary>
    private AttemptOutcome OutcomeOf(AttemptEnd end, int status, EndReason timeoutReason)
    {
        var attempt = _attempt!;
        var now = _owner.Time.GetUtcNow();
        return new AttemptOutcome
        {
            Attempt = attempt.Number,
            Gateway = attempt.Attempt.Gateway,
            End = end,
            Status = status,
            TimeoutReason = timeoutReason,
            SawRinging = attempt.RingingSeen,
            SawSdp = attempt.SdpSeen,
            SawRtp = CalleeRtpPackets() > attempt.RtpBefore,
            EndedAt = now,
            Duration = now - attempt.Started,
        };
    }

    /// <summary>What the current attempt's provisionals showed, for its outcome.</summary>
    private void NoteProgress(int status, bool withSdp)
    {
        if (_attempt is { } attempt && status > 100)
        {
            if (status is >= 180 and <= 183)
            {
                attempt.Attempt.Ticket?.Progress();
                _callerTicket?.Progress();
            }
            attempt.RingingSeen |= status is 180 or 181 or 182;
            attempt.SdpSeen |= withSdp;
        }
    }

    private long CalleeRtpPackets() => _relay?.Stats(RtpSide.B).RtpPacketsReceived ?? 0;

    /// <summary>Every leg is given up: CANCEL (or pending CANCEL) before answer, BYE after; ended legs absorb it.</summary>
    private void AbandonLegs(Messages.SipRequest? received = null, CalleeLeg? except = null)
    {
        foreach (var leg in _legs)
        {
            if (leg == except)
            {
                continue;
            }
            leg.Fire(LegEvent.Abandon, new CallInput { Request = received });
        }
    }
}

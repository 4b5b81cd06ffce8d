using System.Net;
using Softswitch.Core.Gateways;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Trunks;

/// <summary>
/// The switch registering to one carrier (registerType 2 routing gateway, 001_… §3.16) as a UAC (RFC 3261 §10.2):
/// one Call-ID for the life of the binding, CSeq increasing, digest answers to 401/407, a refresh before the granted
/// expiry, exponential back-off (or the carrier's Retry-After) after failures, and Expires: 0 when it ends.
/// </summary>
/// <remarks>
/// Every event (response, timeout, timer) is handled under one lock, so the registration is a small state machine with
/// one request and one timer outstanding at most. Responses to a request that is no longer the current one (a REGISTER
/// overtaken by an unregister) are ignored. Nothing here blocks: requests go through the transaction layer, waits are
/// entries on the shared timer wheel.
/// </remarks>
internal sealed partial class UpstreamRegistration : IClientTransactionUser, ITimerTarget
{
    private readonly Lock _lock = new();
    private readonly UpstreamRegistrar _owner;
    private readonly DigestClient _digest = new();
    private readonly string _callId = SipTags.New() + SipTags.New() + "@upstream";
    private readonly string _fromTag = SipTags.New();
    private readonly SipEndPoint _destination;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SipRequest? _request;
    private TimerHandle _timer;
    private uint _cseq;
    private int _expires;
    private int _failures;
    private int _challengesAnswered;
    private bool _intervalRaised;
    private DateTimeOffset? _registeredAt;

    public UpstreamRegistration(UpstreamRegistrar owner, UpstreamTarget target)
    {
        _owner = owner;
        Target = target;
        _expires = owner.Options.ExpiresSeconds;
        _destination = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(target.Address, target.Port));
    }

    public UpstreamTarget Target { get; }

    public UpstreamRegistrationState State { get; private set; } = UpstreamRegistrationState.Registering;

    /// <summary>Completes when the registration has ended (unregistered, or abandoned on stop).</summary>
    public Task Ended => _ended.Task;

    public void Start()
    {
        lock (_lock)
        {
            Send(authorization: null);
        }
    }

    /// <summary>Stops refreshing and, when a REGISTER ever left, removes the binding with Expires: 0 (§10.2.2).</summary>
    public void Stop()
    {
        lock (_lock)
        {
            if (State is UpstreamRegistrationState.Unregistering or UpstreamRegistrationState.Ended)
            {
                return;
            }
            _owner.Wheel.Cancel(_timer);
            _timer = default;
            _owner.Presence.Remove(GatewayKind.Routing, Target.Name);
            if (_request is null)
            {
                End();
                return;
            }
            State = UpstreamRegistrationState.Unregistering;
            _expires = 0;
            _challengesAnswered = 0;
            Send(authorization: null);
        }
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(transaction.Request, _request) || response.IsProvisional || State == UpstreamRegistrationState.Ended)
            {
                return;
            }
            if (response.IsSuccess)
            {
                if (State == UpstreamRegistrationState.Unregistering)
                {
                    UpstreamLog.Unregistered(_owner.Logger, Target.Name, _callId);
                    End();
                }
                else
                {
                    Granted(response);
                }
                return;
            }
            if (DigestChallengeAnswer.IsChallenge(response.StatusCode))
            {
                Challenged(response);
                return;
            }
            if (response.StatusCode == 423 && State != UpstreamRegistrationState.Unregistering && RaiseInterval(response))
            {
                return;
            }
            Failed(response.StatusCode, RetryAfterHeader.Seconds(response.Headers.Get(HeaderKind.RetryAfter)));
        }
    }

    public void OnTimeout(ClientTransaction transaction) => NoResponse(transaction, 408);

    public void OnTransportError(ClientTransaction transaction, Exception error) => NoResponse(transaction, 503);

    public void OnTimer(int kind, TimerHandle handle)
    {
        lock (_lock)
        {
            if (handle != _timer || State is UpstreamRegistrationState.Unregistering or UpstreamRegistrationState.Ended)
            {
                return;
            }
            _timer = default;
            _challengesAnswered = 0;
            _intervalRaised = false;
            State = State == UpstreamRegistrationState.Registered ? UpstreamRegistrationState.Refreshing : UpstreamRegistrationState.Registering;
            Send(authorization: null);
        }
    }

    /// <summary>The wait before refreshing a binding granted for <paramref name="granted"/> seconds (see the options).</summary>
    internal static TimeSpan RefreshDelay(int granted, int marginSeconds) =>
        TimeSpan.FromSeconds(granted - Math.Min(marginSeconds, granted / 2.0));

    private void NoResponse(ClientTransaction transaction, int status)
    {
        lock (_lock)
        {
            if (ReferenceEquals(transaction.Request, _request) && State != UpstreamRegistrationState.Ended)
            {
                Failed(status, retryAfter: null);
            }
        }
    }

    private void Granted(SipResponse response)
    {
        int granted = GrantedExpires(response) ?? _expires;
        if (granted <= 0)
        {
            // A 200 that keeps no binding for us is no registration (RFC 3261 §10.2.4).
            Failed(response.StatusCode, retryAfter: null);
            return;
        }
        DateTimeOffset now = _owner.Time.GetUtcNow();
        _registeredAt ??= now;
        _failures = 0;
        State = UpstreamRegistrationState.Registered;
        _owner.Presence.Upsert(new GatewayPresenceEntry(GatewayKind.Routing, Target.Name, Target.AddressText, _registeredAt, now,
            now.AddSeconds(granted))
        {
            LocalAddress = _owner.LocalEndPoint.EndPoint.ToString(),
            RegisterName = Target.Name,
        });
        TimeSpan refresh = RefreshDelay(granted, _owner.Options.RefreshMarginSeconds);
        UpstreamLog.Registered(_owner.Logger, Target.Name, Target.AddressText, granted, refresh.TotalSeconds, _callId);
        _timer = _owner.Wheel.Schedule(refresh, this, 0);
    }

    /// <summary>§22.2: one answer per challenge; a second challenge means the credentials were refused, unless the
    /// carrier says the nonce was merely stale (RFC 7616 §3.3).</summary>
    private void Challenged(SipResponse response)
    {
        if (_challengesAnswered > 0 && !DigestChallengeAnswer.IsStale(response))
        {
            Refused(response.StatusCode);
            return;
        }
        var error = DigestChallengeAnswer.TryAnswer(_digest, response, Target.Name, Target.Password, "REGISTER",
            _request!.RequestUri.ToString(), out HeaderKind header, out string? value);
        if (error != DigestParseError.None)
        {
            UpstreamLog.ChallengeUnusable(_owner.Logger, Target.Name, response.StatusCode, error, _callId);
            Failed(response.StatusCode, retryAfter: null);
            return;
        }
        _challengesAnswered++;
        Send((header, value!));
    }

    /// <summary>423 Interval Too Brief: ask again once with the Min-Expires the registrar wants (RFC 3261 §10.2.8).</summary>
    private bool RaiseInterval(SipResponse response)
    {
        int? minimum = RetryAfterHeader.Seconds(response.Headers.Get(HeaderKind.MinExpires));
        if (_intervalRaised || minimum is not { } wanted || wanted <= _expires || wanted > 86_400)
        {
            return false;
        }
        _intervalRaised = true;
        _expires = wanted;
        _challengesAnswered = 0;
        Send(authorization: null);
        return true;
    }

    private void Failed(int status, int? retryAfter)
    {
        if (State == UpstreamRegistrationState.Unregistering)
        {
            // The binding will lapse at the carrier on its own; nothing more to try.
            UpstreamLog.UnregisterFailed(_owner.Logger, Target.Name, status, _callId);
            End();
            return;
        }
        if (status == 403)
        {
            Refused(status, retryAfter);
            return;
        }
        _failures++;
        var options = _owner.Options;
        double backoff = Math.Min(options.RetryMaxSeconds, options.RetryMinSeconds * Math.Pow(2, Math.Min(_failures - 1, 30)));
        double wait = retryAfter is { } seconds ? Math.Clamp(seconds, 1, options.RetryAfterMaxSeconds) : backoff;
        State = UpstreamRegistrationState.BackingOff;
        UpstreamLog.Failed(_owner.Logger, Target.Name, status, _failures, wait, _callId);
        _timer = _owner.Wheel.Schedule(TimeSpan.FromSeconds(wait), this, 0);
    }

    /// <summary>The carrier refused the credentials: retrying at once would only repeat the refusal, so the next
    /// attempt waits the longest back-off (or the Retry-After given); a changed password through the API retries at once.</summary>
    private void Refused(int status, int? retryAfter = null)
    {
        var options = _owner.Options;
        double wait = retryAfter is { } seconds ? Math.Clamp(seconds, 1, options.RetryAfterMaxSeconds) : options.RetryMaxSeconds;
        State = UpstreamRegistrationState.Refused;
        UpstreamLog.Refused(_owner.Logger, Target.Name, status, wait, _callId);
        _timer = _owner.Wheel.Schedule(TimeSpan.FromSeconds(wait), this, 0);
    }

    private void End()
    {
        State = UpstreamRegistrationState.Ended;
        _owner.Wheel.Cancel(_timer);
        _timer = default;
        _request = null;
        _ended.TrySetResult();
    }
}

using Softswitch.Core.Routing;
using Softswitch.Core.Calls;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Media;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// The back-to-back user agent: accepts INVITEs from phones (digest-authenticated with 407), resolves the callee,
/// and bridges the caller's dialog to one outbound dialog per registered contact of the callee. Holds the table of
/// live dialogs so in-dialog requests find their call. Each call then runs on its own mailbox (<see cref="B2buaCall"/>).
/// </summary>
public sealed partial class B2bua : ICallControl
{
    public const string UserAgent = "Softswitch";

    private readonly ConcurrentDictionary<(string CallId, string LocalTag), (B2buaCall Call, CallSide Side)> _dialogs = new();
    private readonly ConcurrentDictionary<InviteServerTransaction, B2buaCall> _pendingInvites = new();
    private readonly ConcurrentDictionary<B2buaCall, byte> _calls = new();
    private readonly PhoneRequestAuthenticator _authenticator;
    private readonly IPhoneDirectory _phones;
    private readonly ISipTransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<CallParties, CallAttempt, IAttemptSource>? _attempts;
    private readonly CallRouter _router;
    private readonly CallRouting _routing;
    private long _refusedTransitions;

    internal B2bua(
        B2buaOptions options,
        SipTimerOptions timerOptions,
        SipTransactionLayer transactions,
        TimerWheel wheel,
        ISipTransport transport,
        PhoneRequestAuthenticator authenticator,
        IPhoneDirectory phones,
        Registrar.RegisteredContacts contacts,
        CallServices services,
        RtpRelay relay,
        TimeProvider time,
        ILogger<B2bua> logger,
        Func<CallParties, CallAttempt, IAttemptSource>? attempts = null)
    {
        Options = options;
        TimerOptions = timerOptions;
        Transactions = transactions;
        Wheel = wheel;
        _transport = transport;
        _authenticator = authenticator;
        _phones = phones;
        Contacts = contacts;
        Services = services;
        Relay = relay;
        _time = time;
        _logger = logger;
        _attempts = attempts;
        _routing = services.Routing;
        _router = services.Routing.CreateRouter(this);
    }

    internal B2buaOptions Options { get; }

    /// <summary>Where the callee's INVITEs go.</summary>
    internal Registrar.RegisteredContacts Contacts { get; }

    internal SipTimerOptions TimerOptions { get; }

    internal SipTransactionLayer Transactions { get; }

    internal TimerWheel Wheel { get; }

    internal CallServices Services { get; }

    internal RtpRelay Relay { get; }

    internal TimeProvider Time => _time;

    /// <summary>Calls being set up or connected.</summary>
    public int ActiveCalls => _calls.Count;

    public int DialogCount => _dialogs.Count;

    /// <summary>
    /// Transitions refused by a bridge, a leg or a call record since start: each is a bug of the B2BUA (an event its
    /// tables do not expect in that state), logged with the Call-ID; 0 in a healthy switch.
    /// </summary>
    public long RefusedTransitions => Interlocked.Read(ref _refusedTransitions);

    /// <summary>Calls being set up or connected (for tests and diagnostics).</summary>
    internal IEnumerable<B2buaCall> Calls => _calls.Keys;

    /// <summary>
    /// Where the attempts after the first of a call to a phone come from: none (one attempt), unless a test scripts
    /// them. Gateway calls get theirs from the routing plan (<see cref="PlanAttempts"/>).
    /// </summary>
    internal IAttemptSource AttemptsFor(CallParties parties, CallAttempt first) => _attempts?.Invoke(parties, first) ?? SingleAttempt.Instance;

    internal CallRouter Router => _router;

    internal IPhoneDirectory Phones => _phones;

    internal CallRouting Routing => _routing;

    internal void OnRefusedTransition(string sipCallId, string machine, string state, string trigger)
    {
        Interlocked.Increment(ref _refusedTransitions);
        LogRefusedTransition(sipCallId, machine, trigger, state);
    }

    internal string ContactFor(string user, SipTransportKind transport)
    {
        var local = _transport.LocalEndPoint(transport).EndPoint;
        string host = local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{local.Address}]" : local.Address.ToString();
        string suffix = transport == SipTransportKind.Udp ? "" : ";transport=" + transport.ToString().ToLowerInvariant();
        return $"<sip:{user}@{host}:{local.Port}{suffix}>";
    }

    internal System.Net.IPEndPoint LocalEndPoint(SipTransportKind transport) => _transport.LocalEndPoint(transport).EndPoint;

    internal string LocalHost(SipTransportKind transport)
    {
        var local = _transport.LocalEndPoint(transport).EndPoint;
        return local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{local.Address}]" : local.Address.ToString();
    }

    internal void RegisterDialog(SipDialog dialog, B2buaCall call, CallSide side) => _dialogs[(dialog.CallId, dialog.LocalTag)] = (call, side);

    /// <summary>Sends a request outside any transaction (the ACK for a 2xx): with its own Via and branch (§17.1.1.3).</summary>
    internal void SendStateless(SipRequest request, SipEndPoint destination)
    {
        var local = _transport.LocalEndPoint(destination.Transport).EndPoint;
        string transport = destination.Transport.ToString().ToUpperInvariant();
        request.Headers.Insert(0, HeaderKind.Via, $"SIP/2.0/{transport} {LocalHost(destination.Transport)}:{local.Port};branch={BranchGenerator.NewBranch()};rport");
        _ = SendAsync(request, destination);
    }

    private async Task SendAsync(SipRequest request, SipEndPoint destination)
    {
        try
        {
            await _transport.SendAsync(request, destination);
        }
        catch (Exception e)
        {
            LogSendFailed(request.CallId, e);
        }
    }

    /// <summary>An in-dialog request: true when it belongs to a call (it is then handled on the call's mailbox).</summary>
    internal bool TryHandleInDialog(ServerTransaction transaction, SipRequest request)
    {
        if (request.To.Tag is not { } tag || !_dialogs.TryGetValue((request.CallId, tag), out var entry))
        {
            return false;
        }
        entry.Call.Post(() => entry.Call.OnInDialogRequest(entry.Side, transaction, request));
        return true;
    }

    /// <summary>CANCEL for an INVITE this B2BUA is handling; the router has answered the CANCEL itself.</summary>
    internal bool TryCancel(InviteServerTransaction invite)
    {
        if (!_pendingInvites.TryGetValue(invite, out var call))
        {
            return false;
        }
        call.Post(call.OnCallerCancel);
        return true;
    }

    /// <summary>The ACK for a 2xx the switch sent (§13.3.1.4), on the caller's dialog.</summary>
    internal void OnAck(SipRequest ack)
    {
        if (ack.To.Tag is { } tag && _dialogs.TryGetValue((ack.CallId, tag), out var entry) && entry.Side == CallSide.Caller)
        {
            entry.Call.Post(() => entry.Call.OnCallerAck(ack));
        }
    }

    internal void OnCallEnded(B2buaCall call, EndReason reason)
    {
        LogCallEnded(call.Caller.CallId, reason);
        _calls.TryRemove(call, out _);
        _pendingInvites.TryRemove(KeyValuePair.Create(call.CallerInviteTransaction, call));
        // Retransmitted BYEs are absorbed by their server transactions; anything else for an ended dialog gets 481.
        RemoveDialogs(call.Dialogs);
    }

    internal void RemoveDialogs(IEnumerable<SipDialog> dialogs)
    {
        foreach (var dialog in dialogs)
        {
            _dialogs.TryRemove((dialog.CallId, dialog.LocalTag), out _);
        }
    }

    internal void OnCallError(string sipCallId, Exception e) => LogCallError(sipCallId, e);

    /// <summary>DisconnectCurrentCall (001_… §3.82): BYE both legs, or a final response before answer.</summary>
    public bool Disconnect(long callId, EndReason reason)
    {
        foreach (var call in _calls.Keys)
        {
            if (call.HasRecord && call.Record.CallId == callId)
            {
                call.Post(() => call.Hangup(reason));
                return true;
            }
        }
        return false;
    }

    /// <summary>Ends every call (BYE both legs, or a final response before answer) for shutdown.</summary>
    public async Task HangupAllAsync(TimeSpan wait)
    {
        foreach (var call in _calls.Keys)
        {
            call.Post(() => call.Hangup(EndReason.ServerShutdown));
        }
        var deadline = _time.GetUtcNow() + wait;
        while (!_calls.IsEmpty && _time.GetUtcNow() < deadline)
        {
            await Task.Delay(20);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Send for {SipCallId} failed")]
    private partial void LogSendFailed(string sipCallId, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {SipCallId} ended: {Reason}")]
    private partial void LogCallEnded(string sipCallId, EndReason reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {SipCallId}: {Machine} refused {Trigger} in state {State} (a B2BUA bug: the event was not applied)")]
    private partial void LogRefusedTransition(string sipCallId, string machine, string trigger, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {SipCallId}: attempt {Attempt} via {Gateway} failed: {Result} {SipStatus}")]
    internal partial void LogAttemptFailed(string sipCallId, int attempt, string? gateway, AttemptEnd result, int sipStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {SipCallId}: not routed: {Reason} ({Detail})")]
    internal partial void LogRouteRefused(string sipCallId, EndReason reason, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {SipCallId}: attempt {Attempt} via {Gateway} to {Destination}")]
    internal partial void LogAttemptStarted(string sipCallId, int attempt, string? gateway, System.Net.IPEndPoint destination);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {SipCallId}: SDP refused: {Error} {Detail}")]
    internal partial void LogBadSdp(string sipCallId, string error, string? detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {SipCallId}: reliable {StatusCode} from the callee dropped: {Why}")]
    internal partial void LogReliableDropped(string sipCallId, int statusCode, string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {SipCallId}: event failed")]
    private partial void LogCallError(string sipCallId, Exception error);
}

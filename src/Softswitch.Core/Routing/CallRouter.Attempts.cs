using System.Net;
using Softswitch.Core.Gateways;

namespace Softswitch.Core.Routing;

public sealed partial class CallRouter
{
    /// <summary>
    /// Just before an attempt is sent: checks the gateway is not full now (its calls may have grown since the plan)
    /// and, for a gateway with a caller-number pool, leases a number. Dispose <see cref="AttemptStart.Lease"/> when
    /// the attempt fails, or when the call ends if it was answered.
    /// </summary>
    public AttemptStart BeginAttempt(GatewayAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var gateway = attempt.Gateway;
        if (gateway.Capacity > 0 && _load.Read(gateway.Id).CurrentCalls >= gateway.Capacity)
        {
            return new AttemptStart(attempt, attempt.CallerNumber, null, RouteSkip.Full);
        }
        if (attempt.CallerPool is not { } group)
        {
            return new AttemptStart(attempt, attempt.CallerNumber, null, null);
        }
        var numbers = _numbers.LimitE164sOf(group).Select(n => n.E164).Order(StringComparer.Ordinal).ToArray();
        return _pool.TryLease(numbers, attempt.CallerPoolLines) is { } lease
            ? new AttemptStart(attempt, lease.Number, lease, null)
            : new AttemptStart(attempt, attempt.CallerNumber, null, RouteSkip.PoolExhausted);
    }

    /// <summary>
    /// The numbers and settings of one attempt: callee through groupE164Change (the E164Convert row of the platform
    /// number gives routingGatewayCalleeE164), the gateway's rewriteRulesInCallee and rewriteRulesInMobileArea;
    /// caller through enablePhoneDisplay (a calling phone's displayNumber) and rewriteRulesInCaller.
    /// </summary>
    private GatewayAttempt BuildAttempt(int index, RouteEntry entry, int prefixLength, CallerSide side, Destination destination)
    {
        var gateway = entry.Gateway;
        string callee = side.Callee;
        if (gateway.GroupE164Change && _numbers.ConvertsForE164(callee) is [var convert, ..] && convert.RoutingGatewayCalleeE164.Length > 0)
        {
            callee = convert.RoutingGatewayCalleeE164;
        }
        callee = entry.CalleeRules!.Rewrite(callee, _random);
        callee = NumberChecks.AddMobileArea(callee, gateway.RewriteRulesInMobileArea, gateway.RewriteRulesInMobileAreaAllow, _numbers);
        string caller = side.Caller;
        if (gateway.EnablePhoneDisplay && side.Phone is { DisplayNumber.Length: > 0 } phone)
        {
            caller = phone.DisplayNumber;
        }
        caller = entry.CallerRules!.Rewrite(caller, _random);
        bool pooled = gateway.RewriteRulesInCallerUseE164GroupEnable && gateway.RewriteRulesInCallerUseE164Group.Length > 0;
        return new GatewayAttempt
        {
            Index = index,
            Gateway = gateway,
            PrefixLength = prefixLength,
            CalleeNumber = callee,
            CallerNumber = caller,
            CallerPool = pooled ? gateway.RewriteRulesInCallerUseE164Group : null,
            CallerPoolLines = Math.Max(0, gateway.RewriteRulesInCallerUseE164Line),
            Ip = destination.Ip,
            Port = destination.Port,
            Transport = destination.Transport,
            Timeouts = new AttemptTimeouts(Seconds(gateway.TimeoutInvite), Seconds(gateway.TimeoutTrying),
                Seconds(gateway.TimeoutSessionProgressSdp), Seconds(gateway.TimeoutSessionProgress), Seconds(gateway.TimeoutRinging)),
            Switches = new FailoverSwitches(gateway.SwitchAllowRing, gateway.SwitchAllowSdp, gateway.SwitchAllowRtp,
                gateway.SwitchAllowBusy, gateway.SwitchAllowErrorCode),
            Identity = new AttemptIdentity(gateway.SipDisplay, gateway.SipRemotePartyId, gateway.SipPrivacy,
                gateway.SipPAssertedIdentity, gateway.SipPPreferredIdentity, gateway.EnablePhoneDisplay),
            Codecs = gateway.SipCodecAssign ? gateway.SipCodecs : null,
            RtpForwardType = gateway.RtpForwardType,
            MaxDuration = Tighter(side.MaxDuration, GatewayCap(gateway.MaxCallDurationLower, gateway.MaxCallDurationUpper)),
        };
    }

    /// <summary>
    /// Where to send: a registerType 1 gateway at the address it registered from (offline: nowhere); any other at
    /// remoteIp and signalPort. Decided (docs/routing.md): remoteIp is an IP address, optionally with ":port"
    /// (overriding signalPort) and ";transport=tcp"; host names are not resolved (Core does no DNS).
    /// </summary>
    private Destination? DestinationOf(RoutingGateway gateway, DateTimeOffset now)
    {
        if (gateway.RegisterType == GatewayRegisterType.Dynamic)
        {
            return _presence.Get(GatewayKind.Routing, gateway.Name, now) is { } online
                ? ParseAddress(online.RemoteAddress, gateway.SignalPort)
                : null;
        }
        return ParseAddress(gateway.RemoteIp, gateway.SignalPort);
    }

    internal static Destination? ParseAddress(string text, int defaultPort)
    {
        var span = text.AsSpan().Trim();
        var transport = AttemptTransport.Udp;
        int semicolon = span.IndexOf(';');
        if (semicolon >= 0)
        {
            var parameter = span[(semicolon + 1)..].Trim();
            if (parameter.Equals("transport=tcp", StringComparison.OrdinalIgnoreCase))
            {
                transport = AttemptTransport.Tcp;
            }
            else if (!parameter.Equals("transport=udp", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            span = span[..semicolon].Trim();
        }
        IPAddress? address;
        int port = defaultPort;
        if (!span.StartsWith('[') && IPAddress.TryParse(span, out address))
        {
            // A bare address (an IPv6 one unbracketed): the gateway's signalPort.
        }
        else if (IPEndPoint.TryParse(span, out var endPoint))
        {
            address = endPoint.Address;
            port = endPoint.Port != 0 ? endPoint.Port : defaultPort;
        }
        else
        {
            return null;
        }
        return port is > 0 and <= 65535 ? new Destination(address.ToString(), port, transport) : null;
    }

    /// <summary>
    /// scheduledCallinPrefixes (§3.16 时段呼叫限制). Decided (docs/routing.md): a forbid rule (action 0) refuses a
    /// matching number inside its window; allow rules (action 1) admit their matching numbers only inside one of
    /// their windows. A rule matches the caller (type 0) or callee (type 1) by prefix (no prefix: every number), on
    /// its days (none listed: every day), from beginTime to endTime seconds of the day, wrapping past midnight
    /// when beginTime &gt; endTime.
    /// </summary>
    private static bool ScheduleAllows(IReadOnlyList<ScheduledCallinPrefix> rules, string caller, string callee, DateTimeOffset local)
    {
        bool allowRuleMatched = false, allowedNow = false;
        int second = (int)local.TimeOfDay.TotalSeconds;
        int day = (int)local.DayOfWeek;
        foreach (var rule in rules)
        {
            string number = rule.Type == 0 ? caller : callee;
            if (rule.Prefixes is { Count: > 0 } prefixes && !prefixes.Any(p => number.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }
            int begin = rule.BeginTime ?? 0, end = rule.EndTime ?? 86_400;
            bool inWindow = (rule.Days is not { Count: > 0 } days || days.Contains(day))
                && (begin <= end ? second >= begin && second < end : second >= begin || second < end);
            if (rule.Action == 0 && inWindow)
            {
                return false;
            }
            if (rule.Action == 1)
            {
                allowRuleMatched = true;
                allowedNow |= inWindow;
            }
        }
        return !allowRuleMatched || allowedNow;
    }

    /// <summary>
    /// maxCallDurationLower / Upper (§3.11, §3.16). Decided: -1 takes routing.maxCallDurationSeconds; 0 is
    /// unlimited; otherwise the cap is drawn uniformly between the two bounds for each call.
    /// </summary>
    private TimeSpan? GatewayCap(int lower, int upper)
    {
        if (lower < 0 || upper < 0)
        {
            return SystemCap();
        }
        if (lower == 0 && upper == 0)
        {
            return null;
        }
        int low = lower > 0 ? lower : upper, high = upper > 0 ? upper : lower;
        if (low > high)
        {
            (low, high) = (high, low);
        }
        return TimeSpan.FromSeconds(_random.NextInt64(low, (long)high + 1));
    }

    private TimeSpan? SystemCap() => _options.MaxCallDurationSeconds > 0 ? TimeSpan.FromSeconds(_options.MaxCallDurationSeconds) : null;

    private static TimeSpan? Tighter(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static TimeSpan? Seconds(int value) => value > 0 ? TimeSpan.FromSeconds(value) : null;
}

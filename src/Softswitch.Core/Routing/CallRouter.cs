using System.Runtime.CompilerServices;
using Softswitch.Core.Billing;
using Softswitch.Core.Calls;
using Softswitch.Core.Gateways;
using Softswitch.Core.Management;
using Softswitch.Core.Numbers;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;

namespace Softswitch.Core.Routing;

/// <summary>
/// Every routing decision of a call (issue 11, docs/routing.md): from the call's facts to a refusal with its end
/// reason, or a plan — the callee phone's contacts, or routing-gateway attempts in order with their rewritten
/// numbers, timeouts, failover switches and duration caps. Reads only in-memory state (lock-free snapshots and
/// counters); knows no SIP wire format. The SIP layer carries the plan out, asks <see cref="BeginAttempt"/> before
/// each attempt and <see cref="Failover"/> after each failure. Thread-safe.
/// </summary>
public sealed partial class CallRouter
{
    /// <summary>Longest callee after the inbound rules (rules may lengthen a 64-character number); longer is refused.</summary>
    private const int MaxRewrittenLength = 128;

    private readonly GatewayState _gateways;
    private readonly NumberState _numbers;
    private readonly DirectoryState _directory;
    private readonly RatingService _rating;
    private readonly RegistrationTable _registrations;
    private readonly GatewayPresence _presence;
    private readonly ILiveCallCounter _liveCalls;
    private readonly IGatewayLoad _load;
    private readonly IGatewayQuality _quality;
    private readonly CallerNumberPool _pool;
    private readonly RoutingOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly ConditionalWeakTable<MappingGateway, DialPlan?[]> _mappingRules = new();
    private readonly ConditionalWeakTable<Phone, DialPlan?[]> _phoneRules = new();

    public CallRouter(GatewayState gateways, NumberState numbers, DirectoryState directory, RatingService rating,
        RegistrationTable registrations, GatewayPresence presence, ILiveCallCounter liveCalls, IGatewayLoad load,
        IGatewayQuality quality, CallerNumberPool pool, RoutingOptions options, TimeProvider time, Random? random = null)
    {
        _gateways = gateways;
        _numbers = numbers;
        _directory = directory;
        _rating = rating;
        _registrations = registrations;
        _presence = presence;
        _liveCalls = liveCalls;
        _load = load;
        _quality = quality;
        _pool = pool;
        _options = options;
        _time = time;
        _random = random ?? Random.Shared;
        Failover = new FailoverPolicy(options);
    }

    /// <summary>The failover decision after each failed attempt of a plan this router made.</summary>
    public FailoverPolicy Failover { get; }

    /// <summary>
    /// Who a request from <paramref name="ip"/>:<paramref name="port"/> is without any authentication, for the SIP
    /// layer to call before deciding whether to challenge: a static mapping gateway (registerType 0, the address in
    /// its remoteIps; with sipAuthenticationMethod 1 the port must match too — an entry without a port then means
    /// 5060), else a static-address phone, else null (challenge, or 403 + alarm 20020 for an unknown trunk).
    /// </summary>
    public CallerIdentity? IdentifyTrunk(string ip, int port)
    {
        if (_gateways.FindMappingBySource(ip, port) is { RegisterType: GatewayRegisterType.Static } gateway
            && (gateway.SipAuthenticationMethod != 1 || ListsAddress(gateway.RemoteIps, ip, port)))
        {
            return new CallerIdentity(CallerKind.StaticGateway, gateway.Name);
        }
        return _directory.FindStaticPhone(ip, port) is { } phone ? new CallerIdentity(CallerKind.StaticPhone, phone.E164) : null;
    }

    /// <summary>
    /// Decides the call: the inbound checks and number handling of the caller's kind, then delivery to a phone of
    /// the switch or the routing-gateway plan (docs/routing.md gives the order of every check).
    /// </summary>
    public RouteDecision Route(CallFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (NumberChecks.Malformed(facts.CalleeNumber, allowEmpty: false) is { } calleeFault)
        {
            return RouteDecision.Refuse(EndReason.MalformedCallee, $"callee '{Shown(facts.CalleeNumber)}' {calleeFault}");
        }
        var (side, refusal) = facts.Caller.IsGateway ? TrunkSide(facts) : PhoneSide(facts, facts.Caller.Name, null, null);
        if (refusal is not null)
        {
            return refusal;
        }
        if (side!.Callee.Length == 0 || side.Callee.Length > MaxRewrittenLength)
        {
            return RouteDecision.Refuse(EndReason.MalformedCallee,
                $"the inbound rules turned callee '{facts.CalleeNumber}' into '{Shown(side.Callee)}' ({side.Callee.Length} characters)");
        }
        var (afforded, unaffordable) = Afford(side, facts);
        return unaffordable ?? Deliver(afforded!, facts);
    }

    /// <summary>A phone of the switch as callee: its checks and contacts; otherwise the routing gateways.</summary>
    private RouteDecision Deliver(CallerSide side, CallFacts facts)
    {
        if (_directory.FindByNumber(side.Callee) is not { } callee)
        {
            return Outbound(side, facts, EndReason.NumberNotFound);
        }
        if (!callee.MayReceive)
        {
            return RouteDecision.Refuse(EndReason.CalleeLocked, $"callee phone {callee.E164} is locked for in-calls");
        }
        var phone = _directory.FindPhone(callee.E164);
        if (phone is not null && !NumberChecks.GroupsAllow(phone.CallerLimitE164Groups, phone.CallerLimitE164GroupsAllow, side.Caller, _numbers))
        {
            return RouteDecision.Refuse(EndReason.CallerGroupDenied,
                $"callee phone {callee.E164}: callerLimitE164Groups '{phone.CallerLimitE164Groups}' (allow {phone.CallerLimitE164GroupsAllow}) refuse '{side.Caller}'");
        }
        if (callee.LineCallIn > 0 || callee.LineCapacity > 0)
        {
            var (calleeOut, calleeIn) = _liveCalls.PhoneCalls(callee.E164);
            if ((callee.LineCallIn > 0 && calleeIn >= callee.LineCallIn) || (callee.LineCapacity > 0 && calleeOut + calleeIn >= callee.LineCapacity))
            {
                return RouteDecision.Refuse(EndReason.CalleeLineLimit, $"callee phone {callee.E164} has {calleeIn} calls in, {calleeOut} out");
            }
        }
        var contacts = ContactsOf(callee.E164, phone, facts.Time);
        if (contacts.Count == 0)
        {
            bool viaGateways = phone?.Additional.UseRoutingGatewayNotOnline switch
            {
                1 => true,
                2 => false,
                _ => _options.UseRoutingGatewayNotOnline,
            };
            return viaGateways
                ? Outbound(side, facts, EndReason.CalleeNotRegistered)
                : RouteDecision.Refuse(EndReason.CalleeNotRegistered, $"callee phone {callee.E164} is not registered");
        }
        string shownCaller = side.Caller, shownCallee = side.Callee;
        if (phone is not null)
        {
            if (PhoneRules(phone) is not [_, { } inCallee, { } inCaller])
            {
                return RouteDecision.Refuse(EndReason.InvalidStoredRules, $"callee phone {phone.E164}: stored rewriteRulesIn* do not compile");
            }
            shownCallee = inCallee.Rewrite(shownCallee, _random);
            shownCaller = inCaller.Rewrite(shownCaller, _random);
        }
        return RouteDecision.Route(new RoutePlan
        {
            Payer = side.Payer,
            CallerGateway = side.Gateway?.Name,
            CallerPhone = side.Phone?.E164,
            CallerNumber = side.Caller,
            CalleeNumber = side.Callee,
            RatingCallee = NumberChecks.StripTags(side.Callee),
            Phone = new PhoneDelivery(callee.E164, callee.Account, shownCaller, shownCallee, contacts),
            MaxDuration = side.MaxDuration,
            MaxAttempts = _options.MaxAttempts,
            Deadline = facts.Time + _options.SetupDeadline,
        });
    }

    /// <summary>Live registered contacts, or the static address of a registerType 0 phone.</summary>
    private List<PhoneContact> ContactsOf(string e164, Phone? phone, DateTimeOffset now)
    {
        var contacts = new List<PhoneContact>();
        foreach (var binding in _registrations.Get(e164, now))
        {
            contacts.Add(new PhoneContact(binding.ContactUri, binding.Transport, binding.SourceIp, binding.SourcePort));
        }
        if (contacts.Count == 0 && phone?.Additional is { RegisterType: 0, Ip: { Length: > 0 } ip } additional)
        {
            int port = additional.Port ?? 5060;
            string host = ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]" : ip;
            contacts.Add(new PhoneContact($"sip:{e164}@{host}:{port}", "UDP", ip, port));
        }
        return contacts;
    }

    /// <summary>A mapping gateway's rewriteRulesOutCallee, rewriteRulesOutCaller, compiled once per record.</summary>
    private DialPlan?[] MappingRules(MappingGateway gateway) =>
        _mappingRules.GetValue(gateway, static g => [Compile(g.RewriteRulesOutCallee), Compile(g.RewriteRulesOutCaller)]);

    /// <summary>A phone's rewriteRulesOutCallee, rewriteRulesInCallee, rewriteRulesInCaller, compiled once per record.</summary>
    private DialPlan?[] PhoneRules(Phone phone) =>
        _phoneRules.GetValue(phone, static p => [Compile(p.RewriteRulesOutCallee), Compile(p.RewriteRulesInCallee), Compile(p.RewriteRulesInCaller)]);

    private static DialPlan? Compile(string text) => DialPlan.Parse(text).Plan;

    /// <summary>Whether a remoteIps list names exactly ip:port, or the bare ip and the port is 5060.</summary>
    private static bool ListsAddress(string remoteIps, string ip, int port)
    {
        foreach (var range in remoteIps.AsSpan().Split(','))
        {
            var item = remoteIps.AsSpan(range).Trim();
            if (item.Equals(ip, StringComparison.OrdinalIgnoreCase))
            {
                if (port == 5060)
                {
                    return true;
                }
            }
            else if (item.StartsWith(ip, StringComparison.OrdinalIgnoreCase) && item.Length > ip.Length && item[ip.Length] == ':'
                && int.TryParse(item[(ip.Length + 1)..], out int listed) && listed == port)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A hostile number made safe for a log line: at most 80 characters, control characters as '?'.</summary>
    private static string Shown(string number)
    {
        string bounded = number.Length <= 80 ? number : string.Concat(number.AsSpan(0, 80), "…");
        return bounded.AsSpan().IndexOfAnyInRange('\0', '\x1f') < 0 && !bounded.Contains('\x7f', StringComparison.Ordinal)
            ? bounded
            : string.Create(bounded.Length, bounded, static (span, source) =>
            {
                for (int i = 0; i < source.Length; i++)
                {
                    span[i] = char.IsControl(source[i]) ? '?' : source[i];
                }
            });
    }
}

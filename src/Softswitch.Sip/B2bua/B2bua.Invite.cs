using System.Diagnostics.CodeAnalysis;
using Softswitch.Core.Calls;
using Softswitch.Core.Phones;
using Softswitch.Core.Routing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

public sealed partial class B2bua
{
    /// <summary>
    /// A new INVITE (no To tag). Order of work (docs/routing.md): 100 Trying; who is calling — a static trunk or
    /// static-address phone by its source address (no challenge), else a phone or dynamic mapping gateway by digest
    /// (407; credentials that prove nobody get 403 and count as an illegal call, alarm 20020); then the router's
    /// decision, which the call carries out on its mailbox. From the decision on the call has a record, so every
    /// refusal ends in a CDR.
    /// </summary>
    internal void OnInitialInvite(InviteServerTransaction transaction, SipRequest invite)
    {
        transaction.SendResponse(SipResponseFactory.Create(invite, 100));
        string toTag = SipTags.For(invite.CallId, invite.From.Tag);
        // The Request-URI scheme, Require and Max-Forwards were checked by the router (SipRequestRouter.Refusal).
        var source = invite.Source!.EndPoint;
        string sourceIp = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4().ToString() : source.Address.ToString();
        if (Caller(transaction, invite, toTag, sourceIp, source.Port) is not { } caller)
        {
            return;
        }
        var facts = FactsOf(invite, caller, sourceIp, source.Port);
        var decision = _router.Route(facts);
        if (decision.Refusal is { Reason: EndReason.UnknownSource } unknown)
        {
            _routing.IllegalCalls.Report(sourceIp, unknown.Detail);
        }
        var parties = PartiesOf(invite, facts, decision);
        var callerDialog = new SipDialog
        {
            CallId = invite.CallId,
            LocalTag = toTag,
            RemoteTag = invite.From.Tag,
            LocalUri = StripTag(invite.To),
            RemoteUri = StripTag(invite.From),
            RemoteTarget = ContactUri(invite) ?? invite.From.Uri,
            Destination = parties.CallerGateway is { } trunk && _routing.Gateways.FindMapping(trunk) is { } mapping
                ? RequestAddressMethod.Destination(invite.Source, ContactUri(invite), mapping.SipRequestAddressMethod)
                : invite.Source,
            LocalContact = ContactFor(parties.CalleeE164, invite.Source.Transport),
            RemoteCSeq = invite.CSeq.Number,
        };
        callerDialog.RouteSet.AddRange(invite.Headers.GetAll(HeaderKind.RecordRoute));
        var call = new B2buaCall(this, transaction, callerDialog, parties);
        call.CreateRecord();
        _calls[call] = 0;
        _pendingInvites[transaction] = call;
        RegisterDialog(callerDialog, call, CallSide.Caller);
        call.Post(() => call.Route(decision, invite));
    }

    /// <summary>
    /// Who sends the INVITE: a static trunk or static-address phone by address, else whoever the digest proves;
    /// null when the INVITE has been answered (407 challenge, 403, 400).
    /// </summary>
    private CallerIdentity? Caller(InviteServerTransaction transaction, SipRequest invite, string toTag, string sourceIp, int sourcePort)
    {
        if (_router.IdentifyTrunk(sourceIp, sourcePort) is { } trunk)
        {
            return trunk;
        }
        if (_authenticator.AuthenticateCaller(transaction, invite, toTag, out bool refused) is { } authenticated)
        {
            return authenticated.Phone is not null ? CallerIdentity.Phone(authenticated.Name) : CallerIdentity.DynamicGateway(authenticated.Name);
        }
        if (refused)
        {
            _routing.IllegalCalls.Report(sourceIp, $"INVITE {invite.CallId} from {sourceIp}:{sourcePort}: no static trunk, and its credentials prove no phone or gateway");
        }
        return null;
    }

    /// <summary>
    /// The call's facts for the router: a phone's own e164 and the Request-URI user; for a mapping gateway, the
    /// numbers where its sipCallerE164Domain / sipCalleeE164Domain say.
    /// </summary>
    private CallFacts FactsOf(SipRequest invite, CallerIdentity caller, string sourceIp, int sourcePort)
    {
        string dialled = (invite.RequestUri.IsTel ? invite.RequestUri.Host : invite.RequestUri.UnescapedUser) ?? string.Empty;
        string callerNumber = caller.Name, calleeNumber = dialled;
        if (caller.IsGateway && _routing.Gateways.FindMapping(caller.Name) is { } gateway)
        {
            var received = ReceivedNumbersOf(invite, dialled);
            callerNumber = received.PickCaller(gateway.SipCallerE164Domain);
            calleeNumber = received.PickCallee(gateway.SipCalleeE164Domain);
        }
        return new CallFacts
        {
            Caller = caller,
            CallerNumber = callerNumber,
            CalleeNumber = calleeNumber,
            SourceIp = sourceIp,
            SourcePort = sourcePort,
            Time = _time.GetUtcNow(),
        };
    }

    /// <summary>
    /// Who calls whom for the record and the legs: after the router's number handling when it routed the call, as
    /// received when it refused it (the CDR then shows what came in).
    /// </summary>
    private CallParties PartiesOf(SipRequest invite, CallFacts facts, RouteDecision decision)
    {
        var plan = decision.Plan;
        var callerPhone = facts.Caller.IsGateway ? null : _phones.FindCredentials(facts.Caller.Name);
        string callerNumber = plan?.CallerNumber ?? facts.CallerNumber;
        string calleeNumber = plan?.Phone?.E164 ?? plan?.CalleeNumber ?? facts.CalleeNumber;
        string fromUser = plan?.Phone?.CallerNumber ?? callerNumber;
        if (plan?.Phone is not null && callerPhone is { DisplayNumber.Length: > 0 } && fromUser == callerPhone.E164)
        {
            fromUser = callerPhone.DisplayNumber; // a phone calling a phone shows its display number (§3.6 displayNumber)
        }
        string host = LocalHost(SipTransportKind.Udp);
        return new CallParties
        {
            CallerE164 = Bounded(callerNumber),
            CalleeE164 = Bounded(calleeNumber),
            CallerAccessE164 = Bounded(facts.Caller.IsGateway ? facts.CallerNumber : invite.From.Uri.UnescapedUser ?? facts.CallerNumber),
            CalleeAccessE164 = Bounded(facts.CalleeNumber),
            Account = plan?.Payer?.Account.Account ?? callerPhone?.Account ?? (facts.Caller.IsGateway ? _routing.Gateways.FindMapping(facts.Caller.Name)?.Account : null) ?? "",
            CallerPhone = plan is null ? callerPhone?.E164 : plan.CallerPhone,
            CalleePhone = plan?.Phone?.E164,
            CallerGateway = plan?.CallerGateway ?? (facts.Caller.IsGateway ? facts.Caller.Name : null),
            CallerAddress = invite.Source!.EndPoint,
            CalleeSideFrom = new NameAddress { DisplayName = invite.From.DisplayName, Uri = new SipUri { User = fromUser, Host = host } },
            CalleeSideTo = new NameAddress { Uri = new SipUri { User = plan?.Phone?.CalleeNumber ?? calleeNumber, Host = host } },
        };
    }

    /// <summary>A number as it goes into the record and the CDR: at most 128 characters (the router refuses longer).</summary>
    private static string Bounded(string number) => number.Length <= 128 ? number : number[..128];

    /// <summary>
    /// The rights of both phones, for anything one phone sends another (a MESSAGE): the caller's own and its
    /// account's lock, the callee's existence and its lock. False when both may go on.
    /// </summary>
    internal static bool RefuseParties(PhoneCredentials caller, [NotNullWhen(false)] PhoneCredentials? callee, out EndReason reason)
    {
        EndReason? refusal = caller.Locked || !caller.MayCallOut ? EndReason.CallerForbidden
            : callee is null ? EndReason.NumberNotFound
            : !callee.MayReceive ? EndReason.CalleeLocked
            : null;
        reason = refusal.GetValueOrDefault();
        return refusal is not null;
    }

    private static NameAddress StripTag(NameAddress address)
    {
        var copy = address.Clone();
        copy.Tag = null;
        return copy;
    }

    private static SipUri? ContactUri(SipRequest request)
    {
        try
        {
            return request.Headers.Get(HeaderKind.Contact) is { } contact ? NameAddress.Parse(contact).Uri : null;
        }
        catch (SipFormatException)
        {
            return null;
        }
    }
}

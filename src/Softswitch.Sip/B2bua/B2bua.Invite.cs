using System.Diagnostics.CodeAnalysis;
using Softswitch.Core.Calls;
using Microsoft.Extensions.Logging;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

public sealed partial class B2bua
{
    /// <summary>
    /// A new INVITE (no To tag). Order of work: 100 Trying, digest authentication of the calling phone (407), then
    /// — with a call record from here on, so every refusal ends in a CDR — the caller's rights, the callee's number,
    /// rights, line limits and registration, the SDP offer, and finally the outbound legs.
    /// </summary>
    internal void OnInitialInvite(InviteServerTransaction transaction, SipRequest invite)
    {
        transaction.SendResponse(SipResponseFactory.Create(invite, 100));
        string toTag = SipTags.For(invite.CallId, invite.From.Tag);
        // The Request-URI scheme, Require and Max-Forwards were checked by the router (SipRequestRouter.Refusal).
        if (_authenticator.Authenticate(transaction, invite, toTag) is not { } caller)
        {
            return;
        }
        string dialled = (invite.RequestUri.IsTel ? invite.RequestUri.Host : invite.RequestUri.UnescapedUser) ?? string.Empty;
        PhoneCredentials? callee = _phones.FindByNumber(dialled);
        var parties = new CallParties
        {
            CallerE164 = caller.E164,
            CalleeE164 = callee?.E164 ?? dialled,
            CallerAccessE164 = invite.From.Uri.UnescapedUser ?? caller.E164,
            CalleeAccessE164 = dialled,
            Account = caller.Account,
            CallerAddress = invite.Source!.EndPoint,
            CalleeSideFrom = new NameAddress
            {
                DisplayName = invite.From.DisplayName,
                Uri = new SipUri { User = string.IsNullOrEmpty(caller.DisplayNumber) ? caller.E164 : caller.DisplayNumber, Host = LocalHost(SipTransportKind.Udp) },
            },
            CalleeSideTo = new NameAddress { Uri = new SipUri { User = callee?.E164 ?? dialled, Host = LocalHost(SipTransportKind.Udp) } },
        };
        var callerDialog = new SipDialog
        {
            CallId = invite.CallId,
            LocalTag = toTag,
            RemoteTag = invite.From.Tag,
            LocalUri = StripTag(invite.To),
            RemoteUri = StripTag(invite.From),
            RemoteTarget = ContactUri(invite) ?? invite.From.Uri,
            Destination = invite.Source,
            LocalContact = ContactFor(parties.CalleeE164, invite.Source.Transport),
            RemoteCSeq = invite.CSeq.Number,
        };
        callerDialog.RouteSet.AddRange(invite.Headers.GetAll(HeaderKind.RecordRoute));
        var call = new B2buaCall(this, transaction, callerDialog, parties);
        call.CreateRecord();
        _calls[call] = 0;
        _pendingInvites[transaction] = call;
        RegisterDialog(callerDialog, call, CallSide.Caller);
        call.Post(() => call.Route(caller, callee, invite));
    }

    /// <summary>Admission checks after authentication; each refusal has its end reason (docs/end-reasons.md).</summary>
    internal (EndReason? Refusal, IReadOnlyList<(SipUri Contact, SipEndPoint Destination)> Contacts) Admit(B2buaCall call, PhoneCredentials caller, PhoneCredentials? callee)
    {
        if (RefuseParties(caller, callee, out var refusal))
        {
            return (refusal, []);
        }
        // Lines() walks every live call: only when a limit applies (a 5,000-call load paid it twice per set-up).
        if (caller.LineCallOut > 0 || caller.LineCapacity > 0)
        {
            var (callerOut, callerIn) = Lines(caller.E164, call);
            if ((caller.LineCallOut > 0 && callerOut >= caller.LineCallOut) || (caller.LineCapacity > 0 && callerOut + callerIn >= caller.LineCapacity))
            {
                return (EndReason.CallerLineLimit, []);
            }
        }
        if (callee.LineCallIn > 0 || callee.LineCapacity > 0)
        {
            var (calleeOut, calleeIn) = Lines(callee.E164, call);
            if ((callee.LineCallIn > 0 && calleeIn >= callee.LineCallIn) || (callee.LineCapacity > 0 && calleeOut + calleeIn >= callee.LineCapacity))
            {
                return (EndReason.CalleeLineLimit, []);
            }
        }
        var contacts = Contacts.Of(callee.E164);
        return contacts.Count == 0 ? (EndReason.CalleeNotRegistered, []) : (null, contacts);
    }

    /// <summary>
    /// The rights of both phones, for anything one phone sends another (a call, a MESSAGE): the caller's own and
    /// its account's lock, the callee's existence and its lock. False when both may go on.
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

    /// <summary>Other live calls a phone takes part in, out (as caller) and in (as callee), for the VOS3000 line limits.</summary>
    private (int Out, int In) Lines(string e164, B2buaCall admitting)
    {
        int outgoing = 0, incoming = 0;
        // Enumerating the dictionary itself takes no lock and copies nothing; .Keys locks every bucket and
        // allocates a snapshot of all live calls.
        foreach (var (call, _) in _calls)
        {
            if (call == admitting)
            {
                continue;
            }
            if (call.Parties.CallerE164 == e164)
            {
                outgoing++;
            }
            if (call.Parties.CalleeE164 == e164)
            {
                incoming++;
            }
        }
        return (outgoing, incoming);
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

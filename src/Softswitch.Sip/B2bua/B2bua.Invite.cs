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
        if (!invite.RequestUri.IsSip && !invite.RequestUri.IsTel)
        {
            transaction.SendResponse(SipResponseFactory.Create(invite, 416, null, toTag));
            return;
        }
        var source = invite.Source!.EndPoint.Address;
        if (_registrar.Throttle.IsBlocked(source))
        {
            transaction.SendResponse(SipResponseFactory.Create(invite, 403, null, toTag));
            return;
        }
        string? credentials = invite.Headers.Get(HeaderKind.ProxyAuthorization);
        var verdict = _registrar.Digest.Verify(credentials, invite.MethodName, invite.RequestUri.ToString(), user => _phones.FindCredentials(user)?.Password);
        if (verdict.CountsAsFailure)
        {
            _registrar.Throttle.RecordFailure(source);
        }
        switch (verdict.Status)
        {
            case DigestAuthStatus.Success:
                _registrar.Throttle.RecordSuccess(source);
                break;
            case DigestAuthStatus.Missing or DigestAuthStatus.StaleNonce or DigestAuthStatus.BadNonce or DigestAuthStatus.UnknownRealm:
                var challenge = SipResponseFactory.Create(invite, 407, null, toTag);
                foreach (string value in _registrar.Digest.CreateChallenges(verdict))
                {
                    challenge.Headers.Add(HeaderKind.ProxyAuthenticate, value);
                }
                transaction.SendResponse(challenge);
                return;
            case DigestAuthStatus.Malformed or DigestAuthStatus.UnsupportedAlgorithm:
                transaction.SendResponse(SipResponseFactory.Create(invite, 400, $"Bad Request - Proxy-Authorization: {verdict.Detail}", toTag));
                return;
            default:
                LogAuthFailed(invite.CallId, source, verdict.Status);
                transaction.SendResponse(SipResponseFactory.Create(invite, 403, null, toTag));
                return;
        }
        PhoneCredentials caller = _phones.FindCredentials(verdict.Username!)!;
        string dialled = (invite.RequestUri.IsTel ? invite.RequestUri.Host : invite.RequestUri.UnescapedUser) ?? string.Empty;
        PhoneCredentials? callee = _phones.FindByNumber(dialled);
        var parties = new CallParties
        {
            CallerE164 = caller.E164,
            CalleeE164 = callee?.E164 ?? dialled,
            CallerAccessE164 = invite.From.Uri.UnescapedUser ?? caller.E164,
            CalleeAccessE164 = dialled,
            Account = caller.Account,
            CallerAddress = invite.Source.EndPoint,
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
        if (caller.Locked || !caller.MayCallOut)
        {
            return (EndReason.CallerForbidden, []);
        }
        if (callee is null)
        {
            return (EndReason.NumberNotFound, []);
        }
        if (!callee.MayReceive)
        {
            return (EndReason.CalleeLocked, []);
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
        var contacts = new List<(SipUri, SipEndPoint)>();
        foreach (var binding in _registrations.Get(callee.E164, _time.GetUtcNow()))
        {
            if (SipUri.TryParse(binding.ContactUri, out var uri) && Destination(binding, uri!) is { } destination)
            {
                contacts.Add((uri!, destination));
            }
        }
        return contacts.Count == 0 ? (EndReason.CalleeNotRegistered, []) : (null, contacts);
    }

    /// <summary>
    /// Where INVITEs for a binding go: the Contact's address when it is the address the REGISTER came from (a
    /// phone registered "on its own address" receives INVITEs there), else the REGISTER's source address and port,
    /// because the Contact then names an address behind NAT that only the source can reach (RFC 3581 in spirit).
    /// </summary>
    private static SipEndPoint? Destination(RegistrationBinding binding, SipUri contact)
    {
        if (!System.Net.IPAddress.TryParse(binding.SourceIp, out var sourceIp))
        {
            return null;
        }
        var transport = binding.Transport == "TCP" ? SipTransportKind.Tcp : SipTransportKind.Udp;
        if (transport == SipTransportKind.Udp && System.Net.IPAddress.TryParse(contact.Host.Trim('[', ']'), out var contactIp) && contactIp.Equals(sourceIp))
        {
            return new SipEndPoint(transport, new System.Net.IPEndPoint(contactIp, contact.Port ?? 5060));
        }
        return new SipEndPoint(transport, new System.Net.IPEndPoint(sourceIp, binding.SourcePort));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "INVITE {SipCallId} from {Source} refused: {Status}")]
    private partial void LogAuthFailed(string sipCallId, System.Net.IPAddress source, DigestAuthStatus status);
}

using Microsoft.Extensions.Logging;
using Softswitch.Core.Calls;
using Softswitch.Core.Phones;
using Softswitch.Core.TextMessages;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Messaging;

/// <summary>
/// MESSAGE between phones, pager mode (RFC 3428), as a B2BUA: the switch is the UAS of the sender's MESSAGE and the
/// UAC of a new MESSAGE to each registered contact of the callee (its own Call-ID, tags and transaction), and answers
/// the sender with the first 2xx, or with the best failure once every fork has failed. Admission is the INVITE's
/// where it applies: the same 407 digest, the same rights of both phones (lock types, account lock), the same
/// number lookup (e164 or did); line limits do not apply to a message. Every authenticated message is recorded in
/// Core with its outcome (<see cref="TextMessageLog"/>).
/// </summary>
internal sealed partial class MessageRelay(
    PhoneRequestAuthenticator authenticator,
    IPhoneDirectory phones,
    RegisteredContacts contacts,
    SipTransactionLayer transactions,
    TextMessageLog log,
    TimeProvider time,
    ILogger<MessageRelay> logger)
{
    /// <summary>
    /// The largest body relayed (RFC 3428 §7: a MESSAGE over 1300 bytes must not go over a transport without
    /// congestion control, and a phone's contact is usually UDP). Applied to every transport alike, so whether a
    /// message passes does not depend on how the callee registered; larger bodies are refused 413.
    /// </summary>
    public const int MaxBodyBytes = 1300;

    /// <summary>A MESSAGE outside any dialog; the router has checked its method, scheme, Require and Max-Forwards.</summary>
    public void OnMessage(ServerTransaction transaction, SipRequest request)
    {
        string toTag = SipTags.New();
        if (authenticator.Authenticate(transaction, request, toTag) is not { } caller)
        {
            return;
        }
        string dialled = (request.RequestUri.IsTel ? request.RequestUri.Host : request.RequestUri.UnescapedUser) ?? string.Empty;
        PhoneCredentials? callee = phones.FindByNumber(dialled);
        var delivery = new MessageDelivery(this, transaction, request, toTag, new TextMessage
        {
            Time = time.GetUtcNow(),
            Account = caller.Account,
            CallerE164 = caller.E164,
            CalleeE164 = callee?.E164 ?? dialled,
            CalleeAccessE164 = dialled,
            CallerIp = request.Source!.EndPoint.ToString(),
            ContentType = request.ContentType ?? "",
            Body = request.Body.Length <= MaxBodyBytes ? request.Body.ToArray() : ReadOnlyMemory<byte>.Empty,
            Status = 0,
        });
        if (request.Body.Length > MaxBodyBytes)
        {
            delivery.Refuse(413);
            return;
        }
        if (B2bua.B2bua.RefuseParties(caller, callee, out var reason))
        {
            delivery.Refuse(EndReasons.Of(reason).SipStatus ?? 403);
            return;
        }
        var targets = contacts.Of(callee.E164);
        if (targets.Count == 0)
        {
            delivery.Refuse(EndReasons.Of(EndReason.CalleeNotRegistered).SipStatus ?? 480);
            return;
        }
        var from = new NameAddress
        {
            DisplayName = request.From.DisplayName,
            Uri = new SipUri { User = string.IsNullOrEmpty(caller.DisplayNumber) ? caller.E164 : caller.DisplayNumber, Host = LocalHost(SipTransportKind.Udp) },
            Tag = SipTags.New(),
        };
        var to = new NameAddress { Uri = new SipUri { User = callee.E164, Host = LocalHost(SipTransportKind.Udp) } };
        delivery.Start(targets.Count);
        foreach (var (contact, destination) in targets)
        {
            transactions.SendRequest(Forward(request, contact, from, to), destination, delivery);
        }
    }

    /// <summary>
    /// The MESSAGE to one contact of the callee: a new request (§8.1.1) with the body, its type and the headers that
    /// describe the message rather than the hop; Max-Forwards carried down (RFC 7332 §3).
    /// </summary>
    private static SipRequest Forward(SipRequest received, SipUri contact, NameAddress from, NameAddress to)
    {
        var forward = new SipRequest(SipMethod.Message, contact.Clone());
        var h = forward.Headers;
        h.Add(HeaderKind.From, from.ToString());
        h.Add(HeaderKind.To, to.ToString());
        h.Add(HeaderKind.CallId, SipTags.New() + SipTags.New() + "@softswitch");
        h.Add(HeaderKind.CSeq, "1 MESSAGE");
        MaxForwards.CarryOver(received, forward);
        foreach (var kind in new[] { HeaderKind.ContentType, HeaderKind.ContentEncoding, HeaderKind.Subject })
        {
            foreach (string value in received.Headers.GetAll(kind))
            {
                h.Add(kind, value);
            }
        }
        h.Add(HeaderKind.UserAgent, B2bua.B2bua.UserAgent);
        forward.Body = received.Body;
        return forward;
    }

    private string LocalHost(SipTransportKind transport)
    {
        var local = transactions.Transport.LocalEndPoint(transport).EndPoint;
        return local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{local.Address}]" : local.Address.ToString();
    }

    /// <summary>Records the finished message, then answers the sender (a 2xx is sent only once it is recorded).</summary>
    internal async Task FinishAsync(ServerTransaction transaction, SipResponse answer, TextMessage message)
    {
        try
        {
            await log.RecordAsync(message);
        }
        catch (Exception e)
        {
            // The delivery itself happened (or failed) all the same: the sender learns its outcome.
            LogRecordFailed(message.CallerE164, message.CalleeE164, e);
        }
        LogFinished(transaction.CallId, message.CallerE164, message.CalleeE164, message.Status);
        transaction.SendResponse(answer);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "MESSAGE {SipCallId} from {Caller} to {Callee}: {Status}")]
    private partial void LogFinished(string sipCallId, string caller, string callee, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "MESSAGE from {Caller} to {Callee} could not be recorded")]
    private partial void LogRecordFailed(string caller, string callee, Exception error);
}

using System.Net;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// In-dialog requests only from the leg's known peer (issue 12, "Dialogs"): the dialog identifiers travel in clear
/// text, so a third party that saw or guessed them could otherwise hang up, hold or re-route any call with one BYE or
/// re-INVITE. A request from another address gets 481 (the dialog does not exist for that sender, RFC 3261 §12.2.2)
/// and changes nothing: no CSeq, no state, no relay.
/// </summary>
internal sealed partial class B2buaCall
{
    /// <summary>True when <paramref name="request"/> came from the peer of its side (<see cref="B2buaOptions.InDialogSourceCheck"/>).</summary>
    private bool FromKnownPeer(CallSide side, CalleeLeg? leg, SipRequest request)
    {
        var check = _owner.Options.InDialogSourceCheck;
        if (check == InDialogSourceCheck.Off || request.Source is not { } source)
        {
            return true; // no source: a request the switch built itself, never one from the network
        }
        if (side == CallSide.Caller)
        {
            return IsPeer(check, Caller.Destination, source);
        }
        // A callee's peer: where its INVITE went (a phone's registered source: behind NAT, the public address, not
        // its Contact), or where its answer came from (a trunk whose SBC answers from another address).
        return leg is not null
            && (IsPeer(check, leg.Dialog.Destination, source) || (leg.ResponseSource is { } answered && IsPeer(check, answered, source)));
    }

    /// <summary>
    /// Same IP (IPv4-mapped IPv6 compared as IPv4); with <see cref="InDialogSourceCheck.Strict"/> over UDP the same port
    /// too. Over TCP a peer's new connection comes from a new ephemeral port, so only the IP can be compared.
    /// </summary>
    internal static bool IsPeer(InDialogSourceCheck check, SipEndPoint known, SipEndPoint source)
    {
        if (!Plain(known.EndPoint.Address).Equals(Plain(source.EndPoint.Address)))
        {
            return false;
        }
        return check != InDialogSourceCheck.Strict || source.Transport != SipTransportKind.Udp || known.EndPoint.Port == source.EndPoint.Port;
    }

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>481 to a request from a stranger, logged at Debug (a flood must not fill the disk) and counted.</summary>
    private void RefuseStranger(Transactions.ServerTransaction transaction, SipRequest request)
    {
        transaction.SendResponse(SipResponseFactory.Create(request, 481, "Call/Transaction Does Not Exist"));
        _owner.OnForeignInDialogRequest(Caller.CallId, request);
    }
}

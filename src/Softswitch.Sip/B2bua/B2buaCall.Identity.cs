using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

internal sealed partial class B2buaCall
{
    /// <summary>
    /// How the caller is presented to a routing gateway (001_… §3.16): sipRemotePartyId adds Remote-Party-ID
    /// (draft-ietf-sip-privacy-04, as carriers still read it); sipPrivacy 1 passes the caller's Privacy on, 2 sends
    /// "id", 3 "none" (RFC 3323); sipPAssertedIdentity / sipPPreferredIdentity 1 pass the caller's header on, 2 send
    /// the attempt's caller number (RFC 3325). The display name (sipDisplay) is already in the attempt's From.
    /// </summary>
    private void AddIdentityHeaders(SipRequest invite, CallAttempt attempt)
    {
        if (attempt.Plan?.Identity is not { } identity)
        {
            return;
        }
        var from = attempt.From ?? Parties.CalleeSideFrom;
        string callerUri = "<" + from.Uri + ">";
        if (identity.RemotePartyId)
        {
            invite.Headers.Add("Remote-Party-ID", callerUri + ";party=calling;screen=yes;privacy=off");
        }
        switch (identity.Privacy)
        {
            case 1:
                PassOn(invite, "Privacy");
                break;
            case 2:
                invite.Headers.Add("Privacy", "id");
                break;
            case 3:
                invite.Headers.Add("Privacy", "none");
                break;
        }
        AddAssertion(invite, "P-Asserted-Identity", identity.PAssertedIdentity, callerUri);
        AddAssertion(invite, "P-Preferred-Identity", identity.PPreferredIdentity, callerUri);
    }

    /// <summary>
    /// The offer for a routing gateway with sipCodecAssign: only its sipCodecs (001_… §3.16); null when the call's own
    /// offer applies (no restriction, a late offer, or an offer that is not SDP). Empty when the restriction leaves no
    /// codec: such a gateway is passed over (<see cref="CanOffer"/>).
    /// </summary>
    private ReadOnlyMemory<byte>? OfferFor(Core.Routing.GatewayAttempt? attempt)
    {
        if (attempt?.Codecs is not { Count: > 0 } codecs || _calleeOffer.IsEmpty || !IsSdp(_calleeOfferType, _calleeOffer)
            || Sdp.SdpParser.Parse(_calleeOffer.Span).Session is not { } offer)
        {
            return null;
        }
        return offer.RestrictedTo(codecs)?.ToBytes() ?? ReadOnlyMemory<byte>.Empty;
    }

    /// <summary>Whether the call's offer can go to this gateway (its codec restriction leaves a codec).</summary>
    private bool CanOffer(Core.Routing.GatewayAttempt attempt) => OfferFor(attempt) is not { IsEmpty: true };

    private void AddAssertion(SipRequest invite, string header, int mode, string callerUri)
    {
        if (mode == 1)
        {
            PassOn(invite, header);
        }
        else if (mode == 2)
        {
            invite.Headers.Add(header, callerUri);
        }
    }

    /// <summary>Copies the caller's values of a header (none: nothing).</summary>
    private void PassOn(SipRequest invite, string header)
    {
        foreach (string value in CallerInvite.Headers.GetAll(header))
        {
            invite.Headers.Add(header, value);
        }
    }
}

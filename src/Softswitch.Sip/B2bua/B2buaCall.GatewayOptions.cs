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
    /// The offer for a routing gateway (001_… §3.16): with rtpForwardType 2 the caller's own SDP (media direct), with
    /// sipCodecAssign only its sipCodecs; null when the call's offer applies as it is (no such option, a late offer,
    /// or an offer that is not SDP). Empty when the restriction leaves no codec: such a gateway is passed over
    /// (<see cref="CanOffer"/>).
    /// </summary>
    private ReadOnlyMemory<byte>? OfferFor(Core.Routing.GatewayAttempt? attempt)
    {
        if (attempt is null || _calleeOffer.IsEmpty)
        {
            return null;
        }
        bool direct = attempt.RtpForwardType == RtpForwardOff && Relaying;
        var source = direct ? CallerInvite.Body : _calleeOffer;
        if (attempt.Codecs is not { Count: > 0 } codecs)
        {
            return direct ? source : (ReadOnlyMemory<byte>?)null;
        }
        if (!IsSdp(_calleeOfferType, source) || Sdp.SdpParser.Parse(source.Span).Session is not { } offer)
        {
            return null;
        }
        return offer.RestrictedTo(codecs)?.ToBytes() ?? ReadOnlyMemory<byte>.Empty;
    }

    /// <summary>
    /// Whether the call's offer can go to this gateway: its codec restriction leaves a codec, and with rtpForwardType
    /// 3 (relay required) the call's media is relayed.
    /// </summary>
    private bool CanOffer(Core.Routing.GatewayAttempt attempt) =>
        OfferFor(attempt) is not { IsEmpty: true } && (attempt.RtpForwardType != RtpForwardRequired || Relaying || _calleeOffer.IsEmpty);

    /// <summary>rtpForwardType (001_… §3.16): 0 auto (calls.relayMedia decides), 1 on, 2 off, 3 must be on.</summary>
    private const int RtpForwardOff = 2;

    private const int RtpForwardRequired = 3;

    /// <summary>
    /// The leg's gateway wants media direct (rtpForwardType 2): its SDP reaches the caller unchanged and the caller's
    /// original offer reaches it, so the relay session is let go once it answers.
    /// </summary>
    private bool DirectMedia(CalleeLeg leg) =>
        _attempt is { } current && leg.Attempt == current.Number && current.Attempt.Plan?.RtpForwardType == RtpForwardOff;

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

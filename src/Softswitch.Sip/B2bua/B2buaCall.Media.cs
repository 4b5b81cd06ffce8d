using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>TEMPORARY pass-through media (SDP untouched) until the RTP relay lands.</summary>
internal sealed partial class B2buaCall
{
    private ReadOnlyMemory<byte>? PendingLateOfferAnswer { get; set; }

    private bool MediaCheckEnabled => false;

    private bool PrepareOffer(SipRequest invite, out ReadOnlyMemory<byte> offer, out string? contentType)
    {
        offer = invite.Body;
        contentType = invite.ContentType;
        return true;
    }

    private bool TryAnswerMedia(CalleeLeg leg, SipResponse response, SipResponse relay)
    {
        if (response.Body.IsEmpty)
        {
            return false;
        }
        relay.Headers.Add(HeaderKind.ContentType, response.ContentType ?? "application/sdp");
        relay.Body = response.Body;
        return true;
    }

    private void OnCallerAckMedia(SipRequest ack)
    {
    }

    private ReadOnlyMemory<byte> RewriteRelayedBody(CallSide side, SipRequest request) => request.Body;

    private ReadOnlyMemory<byte> RewriteRelayedResponseBody(CallSide side, SipResponse response) => response.Body;

    private bool MediaIdleTooLong() => false;

    private void ReleaseMedia()
    {
    }
}

using System.Globalization;
using Softswitch.Core.Calls;
using Softswitch.Sip.Media;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Sdp;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// The media side of the bridge (RFC 3264 offer/answer through the RTP relay): every SDP crossing the switch is
/// rewritten to the relay's address and the port pair facing the receiving side, and the relay learns each
/// phone's media address from the SDP it sent (then latches to where packets really come from).
/// </summary>
internal sealed partial class B2buaCall
{
    private RtpRelaySession? _relay;
    private SdpSession? _callerOffer;
    private bool _onHold;
    private bool _noRelayPorts;

    /// <summary>With a late offer (INVITE without SDP), the SDP answer for the callee's ACK, taken from the caller's ACK.</summary>
    private ReadOnlyMemory<byte>? PendingLateOfferAnswer { get; set; }

    private bool Relaying => _relay is not null;

    /// <summary>The call's relay session, while it has one (tests and diagnostics).</summary>
    internal RtpRelaySession? RelaySession => _relay;

    /// <summary>Late offer (RFC 3261 §13.2.1): the INVITE had no SDP; the callee's 2xx carries the offer, the caller's ACK the answer.</summary>
    private bool LateOffer => CallerInvite.Body.IsEmpty;

    private bool MediaCheckEnabled => Relaying && _owner.Options.MediaTimeoutSeconds > 0 && _owner.Options.MediaCheckDirection != MediaCheckDirection.None;

    /// <summary>Parses A's offer and opens the relay session; null when the call may proceed, else why not.</summary>
    private EndReason? PrepareOffer(SipRequest invite, out ReadOnlyMemory<byte> offer, out string? contentType)
    {
        offer = invite.Body;
        contentType = invite.ContentType;
        if (!_owner.Options.RelayMedia || !IsSdp(contentType, offer))
        {
            return null;
        }
        _relay = _owner.Relay.TryCreateSession(invite.CallId);
        if (_relay is null)
        {
            _noRelayPorts = true; // the 503 then carries Retry-After: AddRelayRetryAfter
            return EndReason.NoRelayPorts;
        }
        Record.AttachRtp(new RelayFlowSource(_relay));
        TrustSignallingSource(RtpSide.A, invite);
        if (LateOffer)
        {
            return null;
        }
        var parsed = SdpParser.Parse(offer.Span);
        if (parsed.Session is not { } session)
        {
            LogBadSdp(parsed.Error.ToString(), parsed.Detail);
            return EndReason.NotAcceptable;
        }
        _callerOffer = session;
        Learn(RtpSide.A, session, invite);
        Record.SetCodecs(callerCodec: SdpNegotiation.CodecList(session));
        offer = Rewrite(session, RtpSide.B);
        contentType = "application/sdp";
        return null;
    }

    /// <summary>SDP in a 18x or 2xx from the callee: learn B's address and pass it on rewritten for A.</summary>
    private bool TryAnswerMedia(CalleeLeg leg, SipResponse response, SipResponse relay)
    {
        if (response.Body.IsEmpty)
        {
            return false;
        }
        ReadOnlyMemory<byte> body = response.Body;
        if (Relaying && !DirectMedia(leg) && IsSdp(response.ContentType, body) && SdpParser.Parse(body.Span).Session is { } session)
        {
            Learn(RtpSide.B, session, response);
            if (!LateOffer)
            {
                Record.SetCodecs(
                    callCodec: SdpNegotiation.NegotiatedCodec(_callerOffer, session)?.Name,
                    calleeCodec: SdpNegotiation.CodecList(session));
            }
            body = Rewrite(session, RtpSide.A);
        }
        relay.Headers.Add(HeaderKind.ContentType, response.ContentType ?? "application/sdp");
        relay.Body = body;
        return true;
    }

    /// <summary>The caller's ACK: with a late offer it carries the answer, which goes on in the ACK to the callee.</summary>
    private void OnCallerAckMedia(SipRequest ack)
    {
        if (!LateOffer || _winner is null || ack.Body.IsEmpty)
        {
            return;
        }
        ReadOnlyMemory<byte> body = ack.Body;
        if (Relaying && SdpParser.Parse(body.Span).Session is { } session)
        {
            Learn(RtpSide.A, session, ack);
            body = Rewrite(session, RtpSide.B);
        }
        PendingLateOfferAnswer = body;
        _winner.Fire(LegEvent.Ack, new CallInput { Request = ack });
    }

    /// <summary>SDP of an in-dialog request from <paramref name="side"/>, for the other side (re-INVITE, UPDATE).</summary>
    private ReadOnlyMemory<byte> RewriteRelayedBody(CallSide side, SipRequest request) =>
        RewriteFrom(side == CallSide.Caller ? RtpSide.A : RtpSide.B, request);

    /// <summary>SDP of the answer to a relayed request, for the side that sent the request.</summary>
    private ReadOnlyMemory<byte> RewriteRelayedResponseBody(CallSide originSide, SipResponse response) =>
        RewriteFrom(originSide == CallSide.Caller ? RtpSide.B : RtpSide.A, response);

    private ReadOnlyMemory<byte> RewriteFrom(RtpSide from, SipMessage message)
    {
        ReadOnlyMemory<byte> body = message.Body;
        if (!Relaying || !IsSdp(message.ContentType, body) || body.IsEmpty || SdpParser.Parse(body.Span).Session is not { } session)
        {
            return body;
        }
        Learn(from, session, message);
        return Rewrite(session, from == RtpSide.A ? RtpSide.B : RtpSide.A);
    }

    /// <summary>
    /// Points the relay at the address a phone's SDP names, and lets media latch from where the message carrying it
    /// came from (NAT); a hold (0.0.0.0, sendonly, inactive) changes nothing.
    /// </summary>
    private void Learn(RtpSide side, SdpSession session, SipMessage carrier)
    {
        if (session.FirstActiveAudio is not { } audio)
        {
            return;
        }
        TrustSignallingSource(side, carrier);
        _onHold = session.IsOnHold(audio);
        if (session.RtpEndPointOf(audio) is { } rtp)
        {
            _relay!.SetRemote(side, rtp, session.RtcpEndPointOf(audio));
            string address = rtp.ToString();
            if (side == RtpSide.A)
            {
                Record.SetMedia(callerRtpIp: address);
            }
            else
            {
                Record.SetMedia(calleeRtpIp: address);
            }
        }
    }

    /// <summary>The relay takes media for <paramref name="side"/> from the IP <paramref name="message"/> came from (rtp.sourceCheck latch).</summary>
    private void TrustSignallingSource(RtpSide side, SipMessage message)
    {
        if (message.Source is { } source)
        {
            _relay!.SetSignallingAddress(side, source.EndPoint.Address);
        }
    }

    /// <summary>A 503 for want of relay ports says when to try again (RFC 3261 §21.5.4); called for every response to the caller.</summary>
    private void AddRelayRetryAfter(SipResponse response)
    {
        if (_noRelayPorts && response.StatusCode == 503)
        {
            response.Headers.Add(HeaderKind.RetryAfter, _owner.Relay.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The SDP as the phone on <paramref name="toward"/> must see it: the first active audio stream on that side's relay port.</summary>
    private ReadOnlyMemory<byte> Rewrite(SdpSession session, RtpSide toward)
    {
        var audio = session.FirstActiveAudio;
        var ports = session.Media.Select(m => m == audio ? _relay!.LocalPort(toward) : 0).ToArray();
        return SdpRewriter.ForRelay(session, _owner.Relay.AdvertisedAddress, ports).ToBytes();
    }

    private static bool IsSdp(string? contentType, ReadOnlyMemory<byte> body) =>
        contentType is null ? body.IsEmpty : contentType.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase);

    /// <summary>VOS3000 mediaCheckDirection on both legs; not while on hold, when silence is expected.</summary>
    private bool MediaIdleTooLong()
    {
        if (_relay is null || _onHold)
        {
            return false;
        }
        var limit = TimeSpan.FromSeconds(_owner.Options.MediaTimeoutSeconds);
        var direction = _owner.Options.MediaCheckDirection;
        return _relay.MediaIdle(RtpSide.A, direction) > limit || _relay.MediaIdle(RtpSide.B, direction) > limit;
    }

    private void ReleaseMedia()
    {
        if (_relay is { } relay)
        {
            // The record keeps the final counters; the session (sockets, buffers) is let go with the call.
            Record.AttachRtp(new FinalFlow(new RelayFlowSource(relay).Snapshot()));
            relay.Dispose();
            _relay = null;
        }
        _callerOffer = null;
        PendingLateOfferAnswer = null;
    }

    private void LogBadSdp(string error, string? detail) => _owner.LogBadSdp(Caller.CallId, error, detail);
}

/// <summary>The counters of a finished call, frozen.</summary>
internal sealed class FinalFlow(RtpFlowSnapshot snapshot) : IRtpFlowSource
{
    public RtpFlowSnapshot Snapshot() => snapshot;
}

/// <summary>InfoRtpFlow counters (001_… §3.21) read from the relay: what each phone sent to the switch.</summary>
internal sealed class RelayFlowSource(RtpRelaySession session) : IRtpFlowSource
{
    public RtpFlowSnapshot Snapshot() => new(Flow(RtpSide.A), Flow(RtpSide.B), default, default);

    private RtpFlow Flow(RtpSide side)
    {
        var stats = session.Stats(side);
        return new RtpFlow(stats.RtpPacketsReceived, stats.RtpBytesReceived, (long)stats.ReceivedDuration.TotalMicroseconds);
    }
}

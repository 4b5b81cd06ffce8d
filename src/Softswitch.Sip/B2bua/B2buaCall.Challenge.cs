using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

internal sealed partial class B2buaCall
{
    private DigestClient? _digest;

    /// <summary>
    /// A routing gateway that challenges the switch's INVITE (401/407) gets it again with credentials — the gateway's
    /// name and password, as for its registration (registerType 2) — on the same dialog with the next CSeq (RFC 3261
    /// §22.2, §8.1.3.5). One answer per leg, or another when the carrier says the nonce was only stale; a second real
    /// challenge, a gateway without a password, or an unusable challenge is the attempt's failure with that status.
    /// False when the response is to be handled as a failure.
    /// </summary>
    private bool TryAnswerChallenge(CalleeLeg leg, SipResponse challenge)
    {
        if (State != BridgeState.Calling || leg.State != LegState.Inviting || _attempt is not { } progress
            || leg.Attempt != progress.Number || progress.Attempt.Plan?.Gateway is not { Password.Length: > 0 } gateway
            || (leg.ChallengesAnswered > 0 && !DigestChallengeAnswer.IsStale(challenge)) || leg.ChallengesAnswered > 2)
        {
            return false;
        }
        var invite = LegInvite(leg.Dialog, progress.Attempt);
        _digest ??= new DigestClient();
        var error = DigestChallengeAnswer.TryAnswer(_digest, challenge, gateway.Name, gateway.Password, "INVITE",
            invite.RequestUri.ToString(), out HeaderKind header, out string? value);
        if (error != DigestParseError.None)
        {
            return false;
        }
        invite.Headers.Add(header, value!);
        leg.ChallengesAnswered++;
        leg.Invite = (InviteClientTransaction)_owner.Transactions.SendRequest(invite, leg.Dialog.Destination, leg);
        return true;
    }
}

using System.Net;
using Microsoft.Extensions.Logging;
using Softswitch.Core.Journal;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// The SIP side of the live-call journal (docs/crash-recovery.md): what is journalled of a dialog when its call is
/// answered, and the BYE sent on each leg of a call an earlier process left connected.
/// </summary>
public sealed partial class B2bua
{
    /// <summary>
    /// Added to the journalled CSeq of a recovered BYE: the journal is written at answer only, and requests the switch
    /// sent in the dialog since (re-INVITE, UPDATE, keep-alives) raised its CSeq; a lower one would be answered 500
    /// (RFC 3261 §12.2.2). Any higher number is valid, and this one stays far below 2^31 (§8.1.1.5).
    /// </summary>
    internal const long RecoveredCSeqMargin = 100_000;

    internal static JournalledDialog Journal(SipDialog dialog) => new()
    {
        SipCallId = dialog.CallId,
        LocalTag = dialog.LocalTag,
        RemoteTag = dialog.RemoteTag,
        LocalUri = dialog.LocalUri.ToString(),
        RemoteUri = dialog.RemoteUri.ToString(),
        RemoteTarget = dialog.RemoteTarget.ToString(),
        RouteSet = [.. dialog.RouteSet],
        LocalCSeq = dialog.LocalCSeq,
        LocalContact = dialog.LocalContact,
        Transport = dialog.Destination.Transport.ToString(),
        DestinationIp = dialog.Destination.EndPoint.Address.ToString(),
        DestinationPort = dialog.Destination.EndPoint.Port,
    };

    /// <summary>
    /// Sends a BYE in a dialog journalled by an earlier process, fire-and-forget: a 481 or no answer at all is as
    /// good as a 200 (the peer may have ended the call itself meanwhile). Returns false, sending nothing, when the
    /// journalled values do not make a request (a damaged row), and logs it with the Call-ID.
    /// </summary>
    public bool SendRecoveredBye(JournalledDialog journalled)
    {
        ArgumentNullException.ThrowIfNull(journalled);
        SipDialog dialog;
        try
        {
            dialog = new SipDialog
            {
                CallId = journalled.SipCallId,
                LocalTag = journalled.LocalTag,
                RemoteTag = journalled.RemoteTag,
                LocalUri = NameAddress.Parse(journalled.LocalUri),
                RemoteUri = NameAddress.Parse(journalled.RemoteUri),
                RemoteTarget = SipUri.Parse(journalled.RemoteTarget),
                Destination = new SipEndPoint(Enum.Parse<SipTransportKind>(journalled.Transport, ignoreCase: true),
                    new IPEndPoint(IPAddress.Parse(journalled.DestinationIp), journalled.DestinationPort)),
                LocalContact = journalled.LocalContact,
                LocalCSeq = (uint)Math.Clamp(journalled.LocalCSeq + RecoveredCSeqMargin, 1, int.MaxValue),
            };
        }
        catch (Exception e)
        {
            // Any failure to rebuild the dialog from stored text skips this BYE only: the start-up must go on.
            LogRecoveredByeSkipped(journalled.SipCallId, e.Message);
            return false;
        }
        dialog.RouteSet.AddRange(journalled.RouteSet);
        Transactions.SendRequest(dialog.CreateRequest(SipMethod.Bye), dialog.Destination, NoResponseExpected.Instance);
        LogRecoveredByeSent(journalled.SipCallId, dialog.Destination);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {SipCallId}: BYE after restart sent to {Destination}")]
    private partial void LogRecoveredByeSent(string sipCallId, SipEndPoint destination);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {SipCallId}: no BYE after restart, the journalled dialog is unusable: {Why}")]
    private partial void LogRecoveredByeSkipped(string sipCallId, string why);
}

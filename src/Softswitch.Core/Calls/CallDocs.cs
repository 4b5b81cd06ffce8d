using System.Text;

namespace Softswitch.Core.Calls;

/// <summary>
/// Renders the call tables to markdown: docs/call-states.md from <see cref="CallStateMachine"/> and
/// docs/end-reasons.md from <see cref="EndReasons"/>. A test regenerates both and fails if the committed files
/// differ, so the docs cannot drift from the code (docs/architecture.md "State machines").
/// </summary>
public static class CallDocs
{
    public static string RenderStates()
    {
        var md = new StringBuilder();
        md.Append("""
            # Call states

            Generated from `src/Softswitch.Core/Calls/CallStateMachine.cs` by `CallDocs.RenderStates()`; a test fails
            when this file differs from the code (regenerate with `SOFTSWITCH_UPDATE_DOCS=1 dotnet test`).

            States carry the VOS3000 codes used by GetCurrentCall `keepTime` (001_… §3.21) and CallStateReport
            `callState` (001_… §4.5). While a call is connected, `keepTime` is the connected duration in ms (>= 0)
            instead of -12. Codes -1…-6 are H.323 states a SIP switch never reports; -14…-17 (Transfering,
            TransferOk, TransferFailed, TransferCancel) are reserved for call transfer, not implemented yet.

            | code | state | meaning |
            | --- | --- | --- |

            """);
        foreach (var state in CallStateMachine.States)
        {
            md.Append($"| {(int)state} | {state} | {StateMeaning(state)} |\n");
        }
        md.Append("""

            ## Transitions

            Every legal (state, trigger) pair. Any pair not listed is refused: `Call.Fire` / `Call.End` return false,
            the state is kept, and the refusal is logged with the call id and SIP Call-ID. A row whose next state is
            the current one is accepted but changes nothing (no timestamp, no CallStateReport), except `Rerouted`,
            which reports the new attempt. Ending triggers come from the end reason (`docs/end-reasons.md`).

            | state | trigger | next | action | why |
            | --- | --- | --- | --- | --- |

            """);
        foreach (var t in CallStateMachine.Transitions)
        {
            md.Append($"| {t.From} ({(int)t.From}) | {t.Trigger} | {t.To} ({(int)t.To}) | {t.Action} | {t.Why} |\n");
        }
        return md.ToString();
    }

    public static string RenderEndReasons()
    {
        var md = new StringBuilder();
        md.Append("""
            # End reasons

            Generated from `src/Softswitch.Core/Calls/EndReasons.cs` by `CallDocs.RenderEndReasons()`; a test fails
            when this file differs from the code (regenerate with `SOFTSWITCH_UPDATE_DOCS=1 dotnet test`).

            The VOS3000 manual refers to a table of end reasons (InfoCdr / CreateCdr `endReason`, 001_… §3.47,
            §3.51) without listing it; this is the project's own. Codes are stable: never renumbered, only appended.
            `SIP status` is the final response the B2BUA sends the caller when the call ends before answer ("BYE"
            when the call can only end after answer); `direction` is the default InfoCdr `endDirection` (0 caller,
            1 callee, 2 server); `trigger` is the state-machine trigger the reason fires (`docs/call-states.md`),
            which fixes the states it may occur in. CreateCdr may store codes outside this table.

            | code | reason | SIP status | direction | trigger | description |
            | --- | --- | --- | --- | --- | --- |

            """);
        foreach (var r in EndReasons.All)
        {
            string status = r.SipStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "BYE";
            md.Append($"| {(int)r.Reason} | {r.Reason} | {status} | {(int)r.Direction} {r.Direction} | {r.Trigger} | {r.Description} |\n");
        }
        md.Append("""

            ## Callee final responses

            `EndReasons.FromCalleeStatus` names the reason of a callee's final error: 486/600 CalleeBusy, 603
            CalleeDeclined, 404/604 NumberNotFound, 408 InviteTimeout, 480 CalleeUnavailable, 487 CallerCancelled
            (the callee confirming our CANCEL), 488/606 NotAcceptable, other 5xx CalleeServerError, anything else
            CalleeRejected.

            """);
        return md.ToString();
    }

    private static string StateMeaning(CallState state) => state switch
    {
        CallState.Authorising => "authorising and routing; nothing sent to the callee yet",
        CallState.Invite => "INVITE sent to the callee",
        CallState.Trying => "100 Trying received",
        CallState.SessionProgress => "183 Session Progress without SDP",
        CallState.SessionProgressSdp => "183 Session Progress with SDP (early media)",
        CallState.Ringing => "180 Ringing",
        CallState.Connected => "answered (VOS \"Ok\"); keepTime = connected ms",
        CallState.Released => "ended (VOS \"Release\"); terminal",
        _ => "",
    };
}

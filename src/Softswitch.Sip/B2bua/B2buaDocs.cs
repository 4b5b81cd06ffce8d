using System.Text;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// Renders docs/b2bua-states.md from the bridge and leg tables of <see cref="B2buaCall"/>. A test regenerates it and
/// fails when the committed file differs, so the doc cannot drift from the code (docs/architecture.md "State machines").
/// </summary>
public static class B2buaDocs
{
    public static string Render()
    {
        var md = new StringBuilder();
        md.Append("""
            # B2BUA bridge and leg states

            Generated from `src/Softswitch.Sip/B2bua/B2buaCall.BridgeTable.cs` and `B2buaCall.LegTable.cs` by
            `B2buaDocs.Render()`; a test fails when this file differs from the code (regenerate with
            `SOFTSWITCH_UPDATE_DOCS=1 dotnet test`).

            Each call through the B2BUA is one **bridge** (the caller's dialog, where the switch is the UAS) and one or
            more **legs** (one outbound INVITE each, where the switch is the UAC). Legs are sent in **attempts**: the
            forks of one attempt go out in parallel (the registered contacts of a phone, or one routing gateway), and
            when every leg of an attempt failed, or its set-up timer ran out, the call's attempt source reads the
            attempt's outcome (final status or timeout or transport failure, whether 18x, SDP or RTP was seen) and gives
            the next attempt, or none and the call fails with that outcome's status. A call to a phone has one attempt.
            A new attempt fires `Rerouted` on the Core call (`call-states.md`: back to -7 Invite) and names its
            destination and gateway in the call record, so the CDR describes the attempt that carried or failed the call.

            Both machines change state only through their table: in a state, an event leads to the next state, then its
            handler runs (and may fire the next event). A pair that is not listed is refused: the state is kept, the
            refusal is logged at error level with the caller's SIP Call-ID, and counted in `B2bua.RefusedTransitions`
            (so are triggers the Core call table refuses). Rows that keep the state and do nothing absorb what may
            legitimately arrive late or cross (a retransmission, a timer that fired as it was stopped, a CANCEL that
            crossed the 200); any refused pair is a bug of the B2BUA.

            """.TrimEnd('\n') + "\n");
        AppendMachine(md, "Bridge", B2buaCall.BridgeTable, Meaning, Meaning);
        AppendMachine(md, "Leg", B2buaCall.LegTable, Meaning, Meaning);
        return md.ToString();
    }

    /// <summary>States, events and transitions of one machine, each a table.</summary>
    private static void AppendMachine<TState, TEvent>(StringBuilder md, string name, TransitionTable<TState, TEvent> table,
        Func<TState, string> stateMeaning, Func<TEvent, string> eventMeaning)
        where TState : struct, Enum
        where TEvent : struct, Enum
    {
        md.Append($"\n## {name} states\n\n| state | meaning |\n| --- | --- |\n");
        foreach (var state in Enum.GetValues<TState>())
        {
            md.Append($"| {state} | {stateMeaning(state)} |\n");
        }
        md.Append($"\n## {name} events\n\n| event | meaning |\n| --- | --- |\n");
        foreach (var e in Enum.GetValues<TEvent>())
        {
            md.Append($"| {e} | {eventMeaning(e)} |\n");
        }
        md.Append($"\n## {name} transitions\n\n| state | event | next | what happens |\n| --- | --- | --- | --- |\n");
        foreach (var t in table.Rows)
        {
            md.Append($"| {t.From} | {t.Event} | {t.To} | {t.Why} |\n");
        }
    }

    private static string Meaning(BridgeState state) => state switch
    {
        BridgeState.Routing => "admitted and routing; nothing sent to the callee side yet",
        BridgeState.Calling => "the INVITEs of the current attempt are out; no leg has answered",
        BridgeState.Rerouting => "the attempt failed: the next one is asked for (passed through within one event)",
        BridgeState.AnswerHeld => "a leg answered; its 2xx waits for the caller's PRACK of a reliable provisional with SDP (RFC 3262 §3)",
        BridgeState.Answered => "200 sent to the caller, retransmitted until its ACK (RFC 3261 §13.3.1.4)",
        BridgeState.Connected => "the caller ACKed: both dialogs confirmed",
        BridgeState.Ended => "ended with one reason and one CDR; terminal",
        _ => "",
    };

    private static string Meaning(BridgeEvent e) => e switch
    {
        BridgeEvent.AttemptStarted => "INVITEs go out for an attempt (the first, or the next on failover)",
        BridgeEvent.LegProgress => "a leg of the current attempt got a provisional worth relaying",
        BridgeEvent.LegAnswered => "a leg of the current attempt got a 2xx",
        BridgeEvent.LegFailed => "a leg of the current attempt failed (final error, timer B, transport error)",
        BridgeEvent.AttemptFailed => "every leg of the current attempt has failed",
        BridgeEvent.SetupTimeout => "the set-up stage timer ran out (`timeoutInviteSeconds`, `timeoutTryingSeconds`, `timeoutSessionProgressSeconds`, `timeoutRingingSeconds`)",
        BridgeEvent.ReliableTimer => "retransmission timer of a reliable provisional to the caller",
        BridgeEvent.AnswerReleased => "the answer may go to the caller (at once, or when the caller PRACKs)",
        BridgeEvent.CallerAck => "the caller's ACK",
        BridgeEvent.OkTimer => "retransmission timer of the caller's 200",
        BridgeEvent.CallerCancel => "CANCEL from the caller",
        BridgeEvent.CallerBye => "BYE from the caller",
        BridgeEvent.CalleeBye => "BYE from the answered leg",
        BridgeEvent.RelayTimedOut => "a relayed in-dialog request timed out",
        BridgeEvent.MaxDuration => "`maxCallDurationSeconds` passed",
        BridgeEvent.SessionExpired => "a session interval passed without refresh (RFC 4028 §10)",
        BridgeEvent.MediaCheck => "the periodic RTP check (`mediaTimeoutSeconds`, `mediaCheckDirection`)",
        BridgeEvent.KeepAlive => "the keep-alive timer of a connected call (`keepAliveSeconds`): in-dialog OPTIONS to each leg",
        BridgeEvent.LegDead => "a leg answered its keep-alive OPTIONS 408 or 481, or not at all (timeout or transport error)",
        BridgeEvent.Hangup => "the switch ends the call (DisconnectCurrentCall, shutdown, no ACK, no media)",
        BridgeEvent.Fail => "the call fails before answer with a status (a refusal, the last attempt's outcome, no PRACK)",
        _ => "",
    };

    private static string Meaning(LegState state) => state switch
    {
        LegState.Inviting => "INVITE sent, nothing back: no CANCEL yet (RFC 3261 §9.1)",
        LegState.Proceeding => "a provisional arrived: the leg may be cancelled",
        LegState.CancelPending => "given up before any provisional: CANCEL goes with the first one",
        LegState.Cancelling => "CANCEL sent; waiting for the final response",
        LegState.Answered => "its 2xx won, not ACKed yet (a late offer waits for the caller's answer)",
        LegState.Confirmed => "its 2xx won and was ACKed",
        LegState.Failed => "final error, timer B or transport error",
        LegState.Terminated => "an established dialog that is over (BYE sent or received)",
        _ => "",
    };

    private static string Meaning(LegEvent e) => e switch
    {
        LegEvent.Provisional => "a 1xx to the INVITE",
        LegEvent.Success => "a 2xx to the INVITE (first, retransmitted, or crossing our CANCEL)",
        LegEvent.Failure => "a final error response",
        LegEvent.Timeout => "timer B: no final response (408)",
        LegEvent.TransportError => "the INVITE could not be sent (503)",
        LegEvent.Ack => "the bridge sends the ACK for the leg's 2xx",
        LegEvent.Abandon => "the bridge gives the leg up: CANCEL before answer, BYE after",
        LegEvent.RemoteBye => "BYE from the callee in the leg's dialog",
        _ => "",
    };
}

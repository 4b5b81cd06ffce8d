using Softswitch.Sip.B2bua;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// The bridge and leg tables (docs/b2bua-states.md): every (state, event) pair of both machines either moves to its
/// row's next state or is refused, reported once and not applied; and the shape every call relies on: it can always
/// be ended, ended is final, every leg can be given up, every state is reachable.
/// </summary>
public class B2buaStateMachineTests
{
    private static IEnumerable<TestCaseData> EveryBridgePair() =>
        from state in Enum.GetValues<BridgeState>()
        from e in Enum.GetValues<BridgeEvent>()
        select new TestCaseData((int)state, (int)e).SetName($"bridge {state} + {e}");

    private static IEnumerable<TestCaseData> EveryLegPair() =>
        from state in Enum.GetValues<LegState>()
        from e in Enum.GetValues<LegEvent>()
        select new TestCaseData((int)state, (int)e).SetName($"leg {state} + {e}");

    // The enums are internal to the engine: the public test methods take their values.
    [TestCaseSource(nameof(EveryBridgePair))]
    public void EveryBridgePairFollowsTheTable(int state, int e) => FollowsTheTable(B2buaCall.BridgeTable, (BridgeState)state, (BridgeEvent)e);

    [TestCaseSource(nameof(EveryLegPair))]
    public void EveryLegPairFollowsTheTable(int state, int e) => FollowsTheTable(B2buaCall.LegTable, (LegState)state, (LegEvent)e);

    private static void FollowsTheTable<TState, TEvent>(TransitionTable<TState, TEvent> table, TState state, TEvent e)
        where TState : struct, Enum
        where TEvent : struct, Enum
    {
        var refusals = new List<(TState, TEvent)>();
        var machine = new StateMachine<TState, TEvent>(table, state, (s, ev) => refusals.Add((s, ev)));
        bool legal = table.TryGet(state, e, out var row);

        bool moved = machine.TryMove(e, out var applied);

        Assert.That(moved, Is.EqualTo(legal));
        if (legal)
        {
            Assert.That(applied, Is.SameAs(row));
            Assert.That(machine.State, Is.EqualTo(row.To));
            Assert.That(refusals, Is.Empty);
            Assert.That(row.Why, Is.Not.Empty, "every row says why");
        }
        else
        {
            Assert.That(machine.State, Is.EqualTo(state), "a refused pair is not applied");
            Assert.That(refusals, Is.EqualTo(new[] { (state, e) }), "and is reported once");
        }
    }

    [Test]
    public void EveryBridgeStateButEndedCanBeHungUpOrFailedToEnded()
    {
        foreach (var state in Enum.GetValues<BridgeState>().Where(s => s != BridgeState.Ended))
        {
            bool ends = (B2buaCall.BridgeTable.TryGet(state, BridgeEvent.Hangup, out var hangup) && hangup.To == BridgeState.Ended)
                || (B2buaCall.BridgeTable.TryGet(state, BridgeEvent.Fail, out var fail) && fail.To == BridgeState.Ended);
            Assert.That(ends, Is.True, state.ToString());
        }
    }

    [Test]
    public void EndedIsFinalAndAbsorbsHangupAndRetransmissions()
    {
        var fromEnded = B2buaCall.BridgeTable.Rows.Where(r => r.From == BridgeState.Ended).ToList();
        Assert.That(fromEnded.Select(r => r.To).Distinct(), Is.EqualTo(new[] { BridgeState.Ended }));
        Assert.That(fromEnded.Select(r => r.Event), Does.Contain(BridgeEvent.Hangup).And.Contain(BridgeEvent.CallerBye).And.Contain(BridgeEvent.CallerAck));
    }

    [Test]
    public void EveryLegStateCanBeGivenUpAndEndsNoWhereLive()
    {
        LegState[] over = [LegState.CancelPending, LegState.Cancelling, LegState.Failed, LegState.Terminated];
        foreach (var state in Enum.GetValues<LegState>())
        {
            Assert.That(B2buaCall.LegTable.TryGet(state, LegEvent.Abandon, out var row), Is.True, state.ToString());
            Assert.That(over, Does.Contain(row.To), state + ": given up, a leg never goes on ringing or answered");
        }
    }

    [Test]
    public void FailedAndTerminatedLegsOnlyFinishTheirDialog()
    {
        var rows = B2buaCall.LegTable.Rows.Where(r => r.From is LegState.Failed or LegState.Terminated);
        Assert.That(rows.Where(r => r.To != LegState.Terminated && !(r.From == LegState.Failed && r.To == LegState.Failed)), Is.Empty,
            "an ended leg goes on to Terminated at most");
        Assert.That(B2buaCall.LegTable.TryGet(LegState.Failed, LegEvent.Success, out var late) && late.To == LegState.Terminated, Is.True,
            "a 2xx after the leg failed is ACKed and hung up");
    }

    [Test]
    public void EveryStateIsReachableFromTheFirst()
    {
        Assert.That(Reachable(B2buaCall.BridgeTable, BridgeState.Routing), Is.EquivalentTo(Enum.GetValues<BridgeState>()));
        Assert.That(Reachable(B2buaCall.LegTable, LegState.Inviting), Is.EquivalentTo(Enum.GetValues<LegState>()));
    }

    [Test]
    public void TheAnswerIsTakenInAnswerHeldAndReleasedFromThere()
    {
        // One path for both cases (RFC 3262 §3): the answer is taken in AnswerHeld and released from there.
        Assert.That(B2buaCall.BridgeTable.TryGet(BridgeState.Calling, BridgeEvent.LegAnswered, out var taken) && taken.To == BridgeState.AnswerHeld, Is.True);
        Assert.That(B2buaCall.BridgeTable.TryGet(BridgeState.AnswerHeld, BridgeEvent.AnswerReleased, out var released) && released.To == BridgeState.Answered, Is.True);
    }

    [Test]
    public void ATableWithTwoRowsForOnePairIsRefused()
    {
        Transition<LegState, LegEvent> Row(LegState to) => new(LegState.Inviting, LegEvent.Timeout, to, "why", static (_, _) => { });
        Assert.That(() => new TransitionTable<LegState, LegEvent>([Row(LegState.Failed), Row(LegState.Terminated)]),
            Throws.InvalidOperationException.With.Message.Contains("(Inviting, Timeout)"));
    }

    private static HashSet<TState> Reachable<TState, TEvent>(TransitionTable<TState, TEvent> table, TState first)
        where TState : struct, Enum
        where TEvent : struct, Enum
    {
        var seen = new HashSet<TState> { first };
        var queue = new Queue<TState>([first]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var row in table.Rows.Where(r => r.From.Equals(state) && seen.Add(r.To)))
            {
                queue.Enqueue(row.To);
            }
        }
        return seen;
    }
}

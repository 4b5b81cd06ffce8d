using Softswitch.Core.Calls;

namespace Softswitch.Tests.Core.Calls;

public class CallStateMachineTests
{
    private static IEnumerable<TestCaseData> EveryPair() =>
        from state in CallStateMachine.States
        from trigger in Enum.GetValues<CallTrigger>()
        select new TestCaseData(state, trigger).SetName($"{state} + {trigger}");

    [TestCaseSource(nameof(EveryPair))]
    public void EveryPairFollowsTheTable(CallState state, CallTrigger trigger)
    {
        var fixture = new CallFixture();
        var call = fixture.CallIn(state);
        int reportsBefore = fixture.Reports.Count;
        bool legal = CallStateMachine.TryGet(state, trigger, out var transition);

        bool accepted = CallFixture.Apply(call, trigger);

        Assert.That(accepted, Is.EqualTo(legal));
        if (legal)
        {
            Assert.That(call.State, Is.EqualTo(transition.To));
            Assert.That(fixture.Refusals, Is.Empty);
            bool absorbed = transition.From == transition.To && trigger != CallTrigger.Rerouted;
            Assert.That(fixture.Reports, Has.Count.EqualTo(reportsBefore + (absorbed ? 0 : 1)));
        }
        else
        {
            Assert.That(call.State, Is.EqualTo(state), "an illegal pair must not be applied");
            Assert.That(fixture.Reports, Has.Count.EqualTo(reportsBefore));
            Assert.That(fixture.Refusals, Has.Count.EqualTo(1));
            Assert.That(fixture.Refusals[0].CallId, Is.EqualTo(call.CallId));
            Assert.That(fixture.Refusals[0].SipCallId, Is.EqualTo(call.Snapshot.CallerSipCallId));
            Assert.That(fixture.Refusals[0].State, Is.EqualTo(state));
            Assert.That(fixture.Refusals[0].Trigger, Is.EqualTo(trigger));
        }
    }

    [TestCase(CallState.Ringing, CallTrigger.ProgressSdpReceived, CallState.SessionProgressSdp)]
    [TestCase(CallState.SessionProgressSdp, CallTrigger.RingingReceived, CallState.Ringing)]
    [TestCase(CallState.Ringing, CallTrigger.ProgressReceived, CallState.SessionProgress)]
    [TestCase(CallState.Ringing, CallTrigger.RingingReceived, CallState.Ringing)]
    [TestCase(CallState.Ringing, CallTrigger.TryingReceived, CallState.Ringing)]
    [TestCase(CallState.Invite, CallTrigger.Answered, CallState.Connected)]
    [TestCase(CallState.Connected, CallTrigger.Answered, CallState.Connected)]
    [TestCase(CallState.Ringing, CallTrigger.Rerouted, CallState.Invite)]
    public void ProvisionalResponsesMayComeInAnyOrderBeforeAnswer(CallState from, CallTrigger trigger, CallState to)
    {
        Assert.That(CallStateMachine.TryGet(from, trigger, out var t), Is.True);
        Assert.That(t.To, Is.EqualTo(to));
    }

    [TestCase(CallState.Connected, CallTrigger.RingingReceived)]
    [TestCase(CallState.Connected, CallTrigger.Cancel)]
    [TestCase(CallState.Connected, CallTrigger.Fail)]
    [TestCase(CallState.Ringing, CallTrigger.Hangup)]
    [TestCase(CallState.Authorising, CallTrigger.Answered)]
    [TestCase(CallState.Authorising, CallTrigger.RingingReceived)]
    public void ImpossiblePairsAreNotInTheTable(CallState from, CallTrigger trigger) =>
        Assert.That(CallStateMachine.TryGet(from, trigger, out _), Is.False);

    [Test]
    public void ReleasedIsTerminal() =>
        Assert.That(CallStateMachine.Transitions.Where(t => t.From == CallState.Released), Is.Empty);

    [Test]
    public void EveryLiveStateCanBeAbortedAndReachesReleased()
    {
        foreach (var state in CallStateMachine.States.Where(s => s != CallState.Released))
        {
            Assert.That(CallStateMachine.TryGet(state, CallTrigger.Abort, out var t) && t.To == CallState.Released,
                Is.True, state.ToString());
        }
    }

    [Test]
    public void StateCodesAreTheVosCodes()
    {
        Assert.That((int)CallState.Authorising, Is.EqualTo(-18));
        Assert.That((int)CallState.Invite, Is.EqualTo(-7));
        Assert.That((int)CallState.Trying, Is.EqualTo(-8));
        Assert.That((int)CallState.SessionProgress, Is.EqualTo(-9));
        Assert.That((int)CallState.SessionProgressSdp, Is.EqualTo(-10));
        Assert.That((int)CallState.Ringing, Is.EqualTo(-11));
        Assert.That((int)CallState.Connected, Is.EqualTo(-12));
        Assert.That((int)CallState.Released, Is.EqualTo(-13));
    }

    [Test]
    public void FireRefusesEndingTriggersWhichNeedAReason()
    {
        var call = new CallFixture().CallIn(CallState.Connected);
        Assert.That(() => call.Fire(CallTrigger.Hangup), Throws.ArgumentException);
        Assert.That(call.State, Is.EqualTo(CallState.Connected));
    }
}

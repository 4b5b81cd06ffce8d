using Softswitch.Core.Calls;

namespace Softswitch.Tests.Core.Calls;

public class EndReasonsTests
{
    [Test]
    public void EveryReasonHasExactlyOneRowWithAnEndingTrigger()
    {
        Assert.That(EndReasons.All.Select(r => r.Reason), Is.EquivalentTo(Enum.GetValues<EndReason>()));
        Assert.That(EndReasons.All.Select(r => r.Trigger), Is.All.Matches<CallTrigger>(CallStateMachine.IsEnding));
        Assert.That(EndReasons.All.Where(r => r.SipStatus is { } s && (s < 400 || s > 699)), Is.Empty);
    }

    [Test]
    public void ReasonsAfterAnswerEndByByeAndBeforeAnswerWithAStatus()
    {
        Assert.That(EndReasons.All.Where(r => r.Trigger == CallTrigger.Hangup).Select(r => r.SipStatus), Is.All.Null);
        Assert.That(EndReasons.All.Where(r => r.Trigger != CallTrigger.Hangup).Select(r => r.SipStatus), Is.All.Not.Null);
    }

    [TestCase(486, EndReason.CalleeBusy)]
    [TestCase(600, EndReason.CalleeBusy)]
    [TestCase(603, EndReason.CalleeDeclined)]
    [TestCase(404, EndReason.NumberNotFound)]
    [TestCase(480, EndReason.CalleeUnavailable)]
    [TestCase(408, EndReason.InviteTimeout)]
    [TestCase(487, EndReason.CallerCancelled)]
    [TestCase(488, EndReason.NotAcceptable)]
    [TestCase(503, EndReason.CalleeServerError)]
    [TestCase(403, EndReason.CalleeRejected)]
    [TestCase(302, EndReason.CalleeRejected)]
    public void CalleeStatusesMapToReasons(int status, EndReason reason) =>
        Assert.That(EndReasons.FromCalleeStatus(status), Is.EqualTo(reason));

    [Test]
    public void TheTableGivesTheStatusToSendTheCaller()
    {
        Assert.That(EndReasons.Of(EndReason.CalleeBusy).SipStatus, Is.EqualTo(486));
        Assert.That(EndReasons.Of(EndReason.CallerCancelled).SipStatus, Is.EqualTo(487));
        Assert.That(EndReasons.Of(EndReason.NumberNotFound).SipStatus, Is.EqualTo(404));
        Assert.That(EndReasons.Find((EndReason)999), Is.Null);
        Assert.That(() => EndReasons.Of((EndReason)999), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}

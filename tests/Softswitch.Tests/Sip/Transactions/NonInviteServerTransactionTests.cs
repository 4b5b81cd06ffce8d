using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>RFC 3261 §17.2.2.</summary>
public class NonInviteServerTransactionTests : TransactionFixture
{
    private (SipRequest Request, ServerTransaction Transaction) Receive(SipTransportKind transport = SipTransportKind.Udp)
    {
        SipRequest register = TestMessages.Request(SipMethod.Register, transport: transport);
        Layer.HandleIncoming(register);
        return (register, User.Requests.Single().Transaction);
    }

    [Test]
    public void RetransmissionsAreAbsorbedAndGetTheLastResponse()
    {
        var (register, transaction) = Receive();
        Assert.That(transaction, Is.TypeOf<NonInviteServerTransaction>());

        Layer.HandleIncoming(TestMessages.Request(SipMethod.Register));
        Assert.That(Transport.Sent, Is.Empty, "Trying: nothing to re-send yet");

        transaction.SendResponse(SipResponseFactory.Create(register, 100));
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Register));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Proceeding));

        transaction.SendResponse(SipResponseFactory.Create(register, 200, toTag: "r1"));
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Register));

        Assert.That(Transport.Responses().Select(r => r.StatusCode), Is.EqualTo(new[] { 100, 100, 200, 200 }));
        Assert.That(User.Requests, Has.Count.EqualTo(1));
        Assert.That(transaction.SendResponse(SipResponseFactory.Create(register, 500)), Is.False, "Completed: TU finals are dropped");
    }

    [Test]
    public void TimerJWaitsSixtyFourT1ThenTerminates()
    {
        var (register, transaction) = Receive();
        transaction.SendResponse(SipResponseFactory.Create(register, 200, toTag: "r1"));
        Run(TimeSpan.FromSeconds(32) - Ms(10));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Completed));
        Assert.That(Transport.Responses(), Has.Count.EqualTo(1), "responses to non-INVITE are never retransmitted by timer");
        RunMs(10);
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(User.Terminated.Single().Reason, Is.EqualTo(TransactionEndReason.Completed));
        Assert.That(Layer.Count, Is.Zero);
    }

    [Test]
    public void OverTcpTimerJIsZero()
    {
        var (register, transaction) = Receive(SipTransportKind.Tcp);
        Assert.That(transaction.IsReliable, Is.True);
        transaction.SendResponse(SipResponseFactory.Create(register, 200, toTag: "r1"));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(Layer.Count, Is.Zero);
    }

    [Test]
    public void TuMayAnswerFromInsideOnRequest()
    {
        User.Answer = (t, r) => t.SendResponse(SipResponseFactory.Create(r, 200, toTag: "r1"));
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Options));
        Assert.That(Transport.Responses(200), Has.Count.EqualTo(1));
        Assert.That(User.Requests.Single().Transaction.State, Is.EqualTo(TransactionState.Completed));
    }
}

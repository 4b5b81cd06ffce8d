using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>RFC 3261 §17.2.1 (and the RFC 6026 Accepted state).</summary>
public class InviteServerTransactionTests : TransactionFixture
{
    private (SipRequest Invite, ServerTransaction Transaction) Receive(SipTransportKind transport = SipTransportKind.Udp)
    {
        SipRequest invite = TestMessages.Request(SipMethod.Invite, transport: transport);
        Layer.HandleIncoming(invite);
        return (invite, User.Requests.Single().Transaction);
    }

    [Test]
    public void SendsTryingWithin200MsWhenTheTuIsSilent()
    {
        var (_, transaction) = Receive();
        Assert.That(transaction, Is.TypeOf<InviteServerTransaction>());
        RunMs(190);
        Assert.That(Transport.Responses(), Is.Empty);
        RunMs(10);

        Assert.That(Transport.TimesOfResponse(100), Is.EqualTo(new[] { Ms(200) }));
        Assert.That(Transport.Responses(100).Single().To.Tag, Is.Null, "100 Trying carries no To tag");
        Assert.That(Transport.Sent.Single().Destination, Is.EqualTo(TestMessages.Peer));
    }

    [Test]
    public void NoTryingWhenTheTuSendsAProvisionalFirst()
    {
        User.Answer = (t, r) => t.SendResponse(SipResponseFactory.Create(r, 180, toTag: "uas1"));
        Receive();
        Run(TimeSpan.FromSeconds(1));
        Assert.That(Transport.Responses().Select(r => r.StatusCode), Is.EqualTo(new[] { 180 }));
    }

    [Test]
    public void RetransmittedInviteIsAbsorbedAndGetsTheLastProvisional()
    {
        var (invite, transaction) = Receive();
        transaction.SendResponse(SipResponseFactory.Create(invite, 180, toTag: "uas1"));
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Invite));

        Assert.That(User.Requests, Has.Count.EqualTo(1));
        Assert.That(Transport.Responses().Select(r => r.StatusCode), Is.EqualTo(new[] { 180, 180 }));
        Assert.That(Layer.ServerCount, Is.EqualTo(1));
    }

    [Test]
    public void TimerGRetransmitsTheFailureUpToT2UntilTimerHReportsTheMissingAck()
    {
        var (invite, transaction) = Receive();
        transaction.SendResponse(SipResponseFactory.Create(invite, 486, toTag: "uas1"));
        Run(TimeSpan.FromSeconds(32));

        int[] expected = [0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500];
        Assert.That(Transport.TimesOfResponse(486), Is.EqualTo(expected.Select(Ms)));
        Assert.That(User.Timeouts, Is.EqualTo(new[] { transaction }), "timer H = 64*T1");
        Assert.That(Layer.Count, Is.Zero);
        Assert.That(Wheel.Count, Is.Zero);
    }

    [Test]
    public void AckForTheFailureIsAbsorbedAndTimerIEndsTheTransaction()
    {
        var (invite, transaction) = Receive();
        SipResponse busy = SipResponseFactory.Create(invite, 486, toTag: "uas1");
        transaction.SendResponse(busy);
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Invite));
        Assert.That(Transport.Responses(486), Has.Count.EqualTo(2), "a retransmitted INVITE gets the final again");

        Layer.HandleIncoming(TestMessages.AckFor(invite, busy));
        Layer.HandleIncoming(TestMessages.AckFor(invite, busy));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Confirmed));
        Assert.That(User.Acks, Is.Empty, "the ACK of a non-2xx stays in the transaction");

        Run(TimeSpan.FromSeconds(5) - Ms(10));
        Assert.That(Transport.Responses(486), Has.Count.EqualTo(2), "timer G stopped by the ACK");
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Confirmed));
        RunMs(10);
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated), "timer I = T4");
        Assert.That(Layer.Count, Is.Zero);
    }

    [Test]
    public void AfterASuccessRetransmittedInvitesAreAbsorbedAndTheAckGoesToTheTu()
    {
        var (invite, transaction) = Receive();
        SipResponse ok = SipResponseFactory.Create(invite, 200, toTag: "uas1");
        transaction.SendResponse(ok);
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Accepted));

        Layer.HandleIncoming(TestMessages.Request(SipMethod.Invite));
        Assert.That(User.Requests, Has.Count.EqualTo(1));
        Assert.That(Transport.Responses(200), Has.Count.EqualTo(1), "2xx retransmission is the TU's job (§13.3.1.4)");

        Assert.That(transaction.SendResponse(ok), Is.True, "the TU re-sends its 2xx through the transaction");
        Layer.HandleIncoming(TestMessages.AckFor(invite, ok, branch: "z9hG4bKack2xx"));
        Assert.That(User.Acks.Single().Transaction, Is.Null, "an RFC 3261 ACK of a 2xx has its own branch");

        Run(TimeSpan.FromSeconds(32));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated), "timer L = 64*T1");
        Assert.That(Transport.Responses(100), Is.Empty);
        Assert.That(Layer.Count, Is.Zero);
    }

    [Test]
    public void SecondFinalResponseIsRefused()
    {
        var (invite, transaction) = Receive();
        Assert.That(transaction.SendResponse(SipResponseFactory.Create(invite, 480, toTag: "a")), Is.True);
        Assert.That(transaction.SendResponse(SipResponseFactory.Create(invite, 200, toTag: "a")), Is.False);
        Assert.That(Transport.Responses().Select(r => r.StatusCode), Is.EqualTo(new[] { 480 }));
    }

    [Test]
    public void OverTcpNoResponseRetransmissionAndTimerIIsZero()
    {
        var (invite, transaction) = Receive(SipTransportKind.Tcp);
        SipResponse busy = SipResponseFactory.Create(invite, 486, toTag: "uas1");
        transaction.SendResponse(busy);
        Run(TimeSpan.FromSeconds(10));
        Assert.That(Transport.Responses(486), Has.Count.EqualTo(1));
        Assert.That(Transport.Sent.Last().Destination.Transport, Is.EqualTo(SipTransportKind.Tcp));

        Layer.HandleIncoming(TestMessages.AckFor(invite, busy));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(Layer.Count, Is.Zero);
    }

    [Test]
    public void ResponseSendFailureIsReportedToTheTu()
    {
        var (invite, transaction) = Receive();
        Transport.Fail = _ => new IOException("unreachable");
        transaction.SendResponse(SipResponseFactory.Create(invite, 180, toTag: "uas1"));
        Assert.That(User.TransportErrors, Is.EqualTo(new[] { transaction }));
        Assert.That(Layer.Count, Is.Zero);
    }
}

using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>RFC 3261 §17.1.1 (and the RFC 6026 Accepted state).</summary>
public class InviteClientTransactionTests : TransactionFixture
{
    private ClientTransaction SendInvite(SipTransportKind transport = SipTransportKind.Udp) =>
        Layer.SendRequest(TestMessages.Request(SipMethod.Invite, branch: null), TestMessages.PeerOver(transport));

    [Test]
    public void TimerADoublesWithoutBoundUntilTimerBReportsTimeout()
    {
        ClientTransaction invite = SendInvite();

        Run(TimeSpan.FromSeconds(32) - Ms(10));
        Assert.That(User.Timeouts, Is.Empty, "timer B is 64*T1 = 32 s");
        RunMs(10);

        // A = T1, 2T1, 4T1, ... (§17.1.1.2): sends at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s.
        Assert.That(Transport.TimesOf(SipMethod.Invite), Is.EqualTo(new[] { 0, 500, 1500, 3500, 7500, 15500, 31500 }.Select(Ms)));
        Assert.That(User.Timeouts, Is.EqualTo(new[] { invite }));
        Assert.That(invite.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(User.Terminated.Single().Reason, Is.EqualTo(TransactionEndReason.Timeout));
        Assert.That(Layer.Count, Is.Zero);
        Assert.That(Wheel.Count, Is.Zero);
    }

    [Test]
    public void ProvisionalStopsRetransmissionsAndTimerB()
    {
        ClientTransaction invite = SendInvite();
        RunMs(700);
        Layer.HandleIncoming(TestMessages.ResponseTo(invite.Request, 180));
        Run(TimeSpan.FromSeconds(40));

        Assert.That(Transport.Requests(SipMethod.Invite), Has.Count.EqualTo(2));
        Assert.That(invite.State, Is.EqualTo(TransactionState.Proceeding));
        Assert.That(User.Responses.Single().Response.StatusCode, Is.EqualTo(180));
        Assert.That(User.Timeouts, Is.Empty);
    }

    [Test]
    public void FailureIsAckedByTheTransactionAndRetransmissionsAreReAckedNotPassedUp()
    {
        ClientTransaction invite = SendInvite();
        SipResponse busy = TestMessages.ResponseTo(invite.Request, 486);
        Layer.HandleIncoming(busy);

        SipRequest ack = Transport.Requests(SipMethod.Ack).Single();
        Assert.That(ack.TopVia.Branch, Is.EqualTo(invite.Request.TopVia.Branch), "§17.1.1.3: same branch as the INVITE");
        Assert.That(ack.Headers.CountOf(HeaderKind.Via), Is.EqualTo(1));
        Assert.That(ack.To.Tag, Is.EqualTo("callee1"), "To comes from the response");
        Assert.That(ack.CSeq.Number, Is.EqualTo(invite.Request.CSeq.Number));
        Assert.That(ack.CSeq.Method, Is.EqualTo(SipMethod.Ack));
        Assert.That(ack.RequestUri.ToString(), Is.EqualTo(invite.Request.RequestUri.ToString()));
        Assert.That(Transport.Sent.Last().Destination, Is.EqualTo(Destination));

        Layer.HandleIncoming(TestMessages.ResponseTo(invite.Request, 486));
        Assert.That(Transport.Requests(SipMethod.Ack), Has.Count.EqualTo(2));
        Assert.That(User.Responses, Has.Count.EqualTo(1), "the retransmitted final is absorbed");
        Assert.That(invite.State, Is.EqualTo(TransactionState.Completed));
        Assert.That(Transport.Requests(SipMethod.Invite), Has.Count.EqualTo(1), "no retransmission in Completed");
    }

    [Test]
    public void TimerDWaitsThirtyTwoSecondsThenTerminates()
    {
        ClientTransaction invite = SendInvite();
        Layer.HandleIncoming(TestMessages.ResponseTo(invite.Request, 503));

        Run(TimeSpan.FromSeconds(32) - Ms(10));
        Assert.That(invite.State, Is.EqualTo(TransactionState.Completed));
        RunMs(10);
        Assert.That(invite.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(User.Terminated.Single().Reason, Is.EqualTo(TransactionEndReason.Completed));
        Assert.That(Layer.Count, Is.Zero);
    }

    [Test]
    public void SuccessAndItsRetransmissionsGoToTheTuUntilTimerMThenAreStray()
    {
        ClientTransaction invite = SendInvite();
        Layer.HandleIncoming(TestMessages.ResponseTo(invite.Request, 200));
        Layer.HandleIncoming(TestMessages.ResponseTo(invite.Request, 200));

        Assert.That(User.Responses.Select(r => r.Response.StatusCode), Is.EqualTo(new[] { 200, 200 }));
        Assert.That(Transport.Requests(SipMethod.Ack), Is.Empty, "the ACK of a 2xx belongs to the dialog (§13.2.2.4)");
        Assert.That(invite.State, Is.EqualTo(TransactionState.Accepted));

        Run(TimeSpan.FromSeconds(32));
        Assert.That(Layer.Count, Is.Zero);
        Layer.HandleIncoming(TestMessages.ResponseTo(invite.Request, 200));
        Assert.That(User.StrayResponses, Has.Count.EqualTo(1));
    }

    [Test]
    public void OverTcpNothingIsRetransmittedAndTimerDIsZero()
    {
        ClientTransaction invite = SendInvite(SipTransportKind.Tcp);
        Assert.That(invite.IsReliable, Is.True);
        Assert.That(invite.Request.TopVia.Transport, Is.EqualTo("TCP"));
        Run(TimeSpan.FromSeconds(10));
        Assert.That(Transport.Requests(SipMethod.Invite), Has.Count.EqualTo(1));

        Layer.HandleIncoming(TestMessages.ResponseTo(invite.Request, 404));
        Assert.That(Transport.Requests(SipMethod.Ack), Has.Count.EqualTo(1));
        Assert.That(invite.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(Layer.Count, Is.Zero);
    }

    [Test]
    public void OverTcpTimerBStillTimesOut()
    {
        SendInvite(SipTransportKind.Tcp);
        Run(TimeSpan.FromSeconds(32));
        Assert.That(User.Timeouts, Has.Count.EqualTo(1));
        Assert.That(Transport.Requests(SipMethod.Invite), Has.Count.EqualTo(1));
    }

    [Test]
    public void SynchronousTransportFailureIsReportedAndEndsTheTransaction()
    {
        Transport.Fail = _ => new IOException("network unreachable");
        ClientTransaction invite = SendInvite();
        Assert.That(User.TransportErrors, Is.EqualTo(new[] { invite }));
        Assert.That(invite.LastError, Is.TypeOf<IOException>());
        Assert.That(Layer.Count, Is.Zero);
        Assert.That(Wheel.Count, Is.Zero);
    }

    [Test]
    public void AsynchronousTransportFailureIsReported()
    {
        Transport.Pending = new TaskCompletionSource();
        ClientTransaction invite = SendInvite(SipTransportKind.Tcp);
        Assert.That(User.TransportErrors, Is.Empty);
        Transport.Pending.SetException(new IOException("connection reset"));
        Assert.That(() => User.TransportErrors, Is.EqualTo(new[] { invite }).After(2000, 10));
        Assert.That(() => Layer.Count, Is.Zero.After(2000, 10));
    }

    [Test]
    public void LostRequestsAreRetransmittedUntilAResponseArrives()
    {
        bool dropped = false;
        Transport.Drop = m => m is SipRequest { Method: SipMethod.Invite } && !dropped && (dropped = true);
        ClientTransaction invite = SendInvite();
        RunMs(1500);
        Layer.HandleIncoming(TestMessages.ResponseTo(invite.Request, 100));
        Run(TimeSpan.FromSeconds(5));
        Assert.That(Transport.TimesOf(SipMethod.Invite), Is.EqualTo(new[] { Ms(500), Ms(1500) }), "the first copy was lost");
        Assert.That(invite.State, Is.EqualTo(TransactionState.Proceeding));
    }

    [Test]
    public void CreateCancelCopiesTheInviteIdentity()
    {
        var invite = (InviteClientTransaction)SendInvite();
        SipRequest cancel = invite.CreateCancel();
        Assert.That(cancel.Method, Is.EqualTo(SipMethod.Cancel));
        Assert.That(cancel.TopVia.Branch, Is.EqualTo(invite.Request.TopVia.Branch));
        Assert.That(cancel.CSeq.Number, Is.EqualTo(invite.Request.CSeq.Number));
        Assert.That(cancel.CSeq.Method, Is.EqualTo(SipMethod.Cancel));
        Assert.That(cancel.CallId, Is.EqualTo(invite.Request.CallId));

        ClientTransaction cancelTransaction = Layer.SendRequest(cancel, invite.Destination);
        Assert.That(cancelTransaction, Is.TypeOf<NonInviteClientTransaction>());
        Assert.That(Layer.ClientCount, Is.EqualTo(2), "same branch, different CSeq method (§17.1.3)");

        Layer.HandleIncoming(TestMessages.ResponseTo(cancel, 200));
        Assert.That(User.Responses.Single().Transaction, Is.SameAs(cancelTransaction));
        Assert.That(invite.State, Is.EqualTo(TransactionState.Calling));
    }
}

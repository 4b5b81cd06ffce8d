using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>Matching (§17.1.3, §17.2.3), CANCEL lookup (§9.2), RFC 2543 fallback, strays, and the tables emptying.</summary>
public class SipTransactionLayerTests : TransactionFixture
{
    [Test]
    public void CancelIsItsOwnTransactionAndFindsTheInvite()
    {
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Invite));
        var invite = (InviteServerTransaction)User.Requests[0].Transaction;

        SipRequest cancel = TestMessages.Request(SipMethod.Cancel);
        Layer.HandleIncoming(cancel);

        Assert.That(User.Requests, Has.Count.EqualTo(2));
        Assert.That(User.Requests[1].Transaction, Is.TypeOf<NonInviteServerTransaction>());
        Assert.That(Layer.FindInviteTransaction(cancel), Is.SameAs(invite));
        Assert.That(Layer.FindInviteTransaction(TestMessages.Request(SipMethod.Cancel, branch: "z9hG4bKother")), Is.Null, "TU answers 481");

        Layer.HandleIncoming(TestMessages.Request(SipMethod.Cancel));
        Assert.That(User.Requests, Has.Count.EqualTo(2), "a retransmitted CANCEL is absorbed");
    }

    [Test]
    public void ServerMatchingIncludesSentBy()
    {
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Options));
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Options, via: "203.0.113.9:5060"));
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Options, via: "198.51.100.7:5062")); // same as the first
        Assert.That(User.Requests, Has.Count.EqualTo(2));
        Assert.That(Layer.ServerCount, Is.EqualTo(2));
    }

    [Test]
    public void SentByWithoutPortMatchesTheDefaultPort()
    {
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Options, via: "Example.COM"));
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Options, via: "example.com:5060"));
        Assert.That(User.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void AckMatchingNoTransactionGoesToTheTu()
    {
        SipRequest ack = TestMessages.Request(SipMethod.Ack, toTag: "uas1");
        Layer.HandleIncoming(ack);
        Assert.That(User.Acks.Single().Ack, Is.SameAs(ack));
        Assert.That(User.Requests, Is.Empty);
        Assert.That(Layer.Count, Is.Zero, "an ACK never creates a transaction");
    }

    [Test]
    public void ResponseMatchingNoTransactionIsStray()
    {
        SipRequest ours = TestMessages.Request(SipMethod.Invite, branch: "z9hG4bKgone");
        SipResponse ok = TestMessages.ResponseTo(ours, 200);
        Layer.HandleIncoming(ok);
        Assert.That(User.StrayResponses, Is.EqualTo(new[] { ok }));
    }

    [Test]
    public void Rfc2543RequestsMatchOnDialogFieldsAndTheirAckOnTheResponseToTag()
    {
        SipRequest invite = TestMessages.Request(SipMethod.Invite, branch: "");
        Layer.HandleIncoming(invite);
        ServerTransaction transaction = User.Requests.Single().Transaction;
        Assert.That(transaction.LegacyKey, Is.Not.Null);

        Layer.HandleIncoming(TestMessages.Request(SipMethod.Invite, branch: ""));
        Assert.That(User.Requests, Has.Count.EqualTo(1), "retransmission matched without a branch");
        Assert.That(Layer.FindInviteTransaction(TestMessages.Request(SipMethod.Cancel, branch: "")), Is.SameAs(transaction));

        Layer.HandleIncoming(TestMessages.Request(SipMethod.Invite, branch: "", cseq: 2));
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Invite, branch: "", fromTag: "other"));
        Assert.That(User.Requests, Has.Count.EqualTo(3), "another CSeq or From tag is another transaction");

        SipResponse busy = SipResponseFactory.Create(invite, 486, toTag: "uas1");
        transaction.SendResponse(busy);
        SipRequest wrongTag = TestMessages.AckFor(invite, SipResponseFactory.Create(invite, 486, toTag: "nope"));
        Layer.HandleIncoming(wrongTag);
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Completed));
        Assert.That(User.Acks.Single().Ack, Is.SameAs(wrongTag), "a To tag we never sent matches nothing");

        Layer.HandleIncoming(TestMessages.AckFor(invite, busy));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Confirmed));
    }

    [Test]
    public void TablesAreEmptyAfterEveryKindOfTransactionEnds()
    {
        User.Answer = (t, r) => t.SendResponse(SipResponseFactory.Create(r, r.Method == SipMethod.Invite ? 486 : 200, toTag: "x"));
        for (int i = 0; i < 50; i++)
        {
            Layer.HandleIncoming(TestMessages.Request(SipMethod.Invite, branch: "z9hG4bKi" + i));
            Layer.HandleIncoming(TestMessages.Request(SipMethod.Register, branch: "z9hG4bKr" + i));
            Layer.HandleIncoming(TestMessages.Request(SipMethod.Options, branch: "", cseq: (uint)i + 1));
            ClientTransaction invite = Layer.SendRequest(TestMessages.Request(SipMethod.Invite, branch: null), Destination);
            ClientTransaction bye = Layer.SendRequest(TestMessages.Request(SipMethod.Bye, branch: null), Destination);
            Layer.SendRequest(TestMessages.Request(SipMethod.Options, branch: null), Destination); // never answered
            Layer.HandleIncoming(TestMessages.ResponseTo(invite.Request, i % 2 == 0 ? 200 : 603));
            Layer.HandleIncoming(TestMessages.ResponseTo(bye.Request, 200));
        }
        Assert.That(Layer.Count, Is.EqualTo(300));

        Run(TimeSpan.FromSeconds(40));
        Assert.That(Layer.Count, Is.Zero);
        Assert.That(Wheel.Count, Is.Zero);
        Assert.That(User.Terminated, Has.Count.EqualTo(300));
        Assert.That(User.Timeouts, Has.Count.EqualTo(50 + 50), "unanswered OPTIONS (timer F) and unACKed 486 (timer H)");
    }

    [Test]
    public void MalformedMessagesAreDroppedNotThrown()
    {
        SipRequest noVia = TestMessages.Request(SipMethod.Options, branch: null);
        Assert.That(() => Layer.HandleIncoming(noVia), Throws.Nothing);
        Assert.That(Layer.Count, Is.Zero);
        Assert.That(User.Requests, Is.Empty);
    }

    [Test]
    public void SendRequestAddsAViaWithAFreshBranchAndRport()
    {
        ClientTransaction options = Layer.SendRequest(TestMessages.Request(SipMethod.Options, branch: null), Destination);
        SipVia via = options.Request.TopVia;
        Assert.That(via.Branch, Does.StartWith("z9hG4bK"));
        Assert.That(via.HasRport, Is.True);
        Assert.That(via.Host, Is.EqualTo("192.0.2.1"));
        Assert.That(via.Port, Is.EqualTo(5060));
        Assert.That(options.Key, Is.EqualTo(TransactionKey.ForClient(via.Branch!, options.Request.CSeq)));
    }

    [Test]
    public void SendRequestRefusesAckAndBranchesWithoutTheCookie()
    {
        Assert.That(() => Layer.SendRequest(TestMessages.Request(SipMethod.Ack, branch: null), Destination), Throws.ArgumentException);
        Assert.That(() => Layer.SendRequest(TestMessages.Request(SipMethod.Options, branch: "abc"), Destination), Throws.ArgumentException);
        Assert.That(Layer.Count, Is.Zero);
    }

    [Test]
    public void ConcurrentCopiesOfOneRequestCreateOneTransaction()
    {
        var user = new ConcurrentUser();
        var layer = new SipTransactionLayer(Transport, user, Wheel);
        var copies = Enumerable.Range(0, 64).Select(_ => TestMessages.Request(SipMethod.Invite)).ToList();
        Parallel.ForEach(copies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, layer.HandleIncoming);
        Assert.That(user.RequestCount, Is.EqualTo(1));
        Assert.That(layer.ServerCount, Is.EqualTo(1));
    }

    private sealed class ConcurrentUser : ISipTransactionUser
    {
        private int _requests;

        public int RequestCount => Volatile.Read(ref _requests);

        public void OnRequest(ServerTransaction transaction, SipRequest request) => Interlocked.Increment(ref _requests);

        public void OnAck(SipRequest ack, InviteServerTransaction? transaction)
        {
        }

        public void OnStrayResponse(SipResponse response)
        {
        }

        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
        }

        public void OnTimeout(ClientTransaction transaction)
        {
        }

        public void OnTimeout(ServerTransaction transaction)
        {
        }

        public void OnTransportError(ClientTransaction transaction, Exception error)
        {
        }

        public void OnTransportError(ServerTransaction transaction, Exception error)
        {
        }
    }
}

using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>
/// What a non-INVITE server transaction keeps for the 32 s of timer J (issue 12 item 10): a trimmed request that
/// still matches and answers retransmissions, without the received datagram and its other headers.
/// </summary>
public class HeldTransactionTests : TransactionFixture
{
    private static SipRequest Bye()
    {
        var bye = TestMessages.Request(SipMethod.Bye, toTag: "t1");
        bye.Headers.Add(HeaderKind.Contact, "<sip:1001@198.51.100.7:5062>");
        bye.Headers.Add(HeaderKind.UserAgent, "phone");
        bye.Body = new byte[300];
        return bye;
    }

    [Test]
    public void AfterTheFinalResponseOnlyWhatRetransmissionsNeedIsKept()
    {
        User.Answer = (t, r) => t.SendResponse(TestMessages.ResponseTo(r, 200));
        var bye = Bye();
        Layer.HandleIncoming(bye);
        var transaction = User.Requests.Single().Transaction;

        Assert.That(transaction.Request, Is.Not.SameAs(bye));
        Assert.That(transaction.Request.Headers.Count, Is.EqualTo(5), "Via, From, To, Call-ID, CSeq");
        Assert.That(transaction.Request.Headers.Contains(HeaderKind.Contact), Is.False);
        Assert.That(transaction.Request.Body.IsEmpty, Is.True);
        Assert.That(transaction.Request.Method, Is.EqualTo(SipMethod.Bye));
        Assert.That(transaction.Request.RequestUri.ToString(), Is.EqualTo(bye.RequestUri.ToString()));
        Assert.That(transaction.Request.Source, Is.EqualTo(bye.Source));
        Assert.That(transaction.CallId, Is.EqualTo(bye.CallId));
        Assert.That(transaction.Request.To.Tag, Is.EqualTo("t1"));

        Layer.HandleIncoming(Bye()); // the retransmission
        Assert.That(Transport.Responses(200), Has.Count.EqualTo(2), "still absorbed and answered");
        Assert.That(User.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void BeforeTheFinalResponseTheTuSeesTheWholeRequest()
    {
        Layer.HandleIncoming(Bye());
        var (transaction, request) = User.Requests.Single();
        transaction.SendResponse(TestMessages.ResponseTo(request, 100));

        Assert.That(transaction.Request, Is.SameAs(request));
        Assert.That(transaction.Request.Headers.Contains(HeaderKind.Contact), Is.True);
    }
}

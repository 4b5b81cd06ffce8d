using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Overload;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>
/// The transaction layer with an <see cref="OverloadGuard"/> as its admission (issue 12, overload): a shed request gets
/// one stateless 503 and leaves nothing behind, a retransmission of an admitted request is never shed, the table is
/// bounded, and calls in set-up are counted.
/// </summary>
public class TransactionAdmissionTests : TransactionFixture
{
    private OverloadGuard Admit(OverloadOptions options)
    {
        var guard = new OverloadGuard(options, Time, NullLogger<OverloadGuard>.Instance);
        Layer.Admission = guard;
        return guard;
    }

    private static SipRequest Invite(int n) => TestMessages.Request(SipMethod.Invite, branch: "z9hG4bKinv" + n, callId: $"inv-{n}");

    [Test]
    public void AShedInviteGetsOneStateless503AndLeavesNothingBehind()
    {
        Admit(new OverloadOptions { MaxCallsPerSecond = 1 });
        Layer.HandleIncoming(Invite(1));
        User.Answer = null;

        Layer.HandleIncoming(Invite(2));
        Run(TimeSpan.FromSeconds(40));

        var refusals = Transport.Responses(503);
        Assert.That(refusals, Has.Count.EqualTo(1), "no timer G retransmission: nothing was kept");
        Assert.That(refusals[0].CallId, Is.EqualTo("inv-2"));
        Assert.That(refusals[0].Headers.Get(HeaderKind.RetryAfter), Is.EqualTo("2"));
        Assert.That(Transport.Sent.Single(s => s.Message == refusals[0]).Destination, Is.EqualTo(TestMessages.Peer));
        Assert.That(User.Requests.Select(r => r.Request.CallId), Is.EqualTo(new[] { "inv-1" }), "the TU never saw it");
        Assert.That(Layer.ServerCount, Is.EqualTo(1));
        Assert.That(Layer.Refused, Is.EqualTo(1));
    }

    [Test]
    public void TheAckOfAStateless503GoesToTheTuAndAllocatesNothing()
    {
        Admit(new OverloadOptions { MaxCallsPerSecond = 1 });
        Layer.HandleIncoming(Invite(1));
        var shed = Invite(2);
        Layer.HandleIncoming(shed);

        Layer.HandleIncoming(TestMessages.AckFor(shed, Transport.Responses(503)[0]));

        Assert.That(User.Acks, Has.Count.EqualTo(1));
        Assert.That(Layer.ServerCount, Is.EqualTo(1));
    }

    [Test]
    public void ARetransmittedInviteAlreadyAdmittedIsNeverShed()
    {
        Admit(new OverloadOptions { MaxCallsInSetup = 1 });
        var invite = Invite(1);
        Layer.HandleIncoming(invite);

        Layer.HandleIncoming(Invite(1)); // the same INVITE again: same branch
        Layer.HandleIncoming(Invite(2));

        Assert.That(Transport.Responses(100), Has.Count.EqualTo(1), "the retransmission got the transaction's 100 Trying");
        Assert.That(Transport.Responses(503).Select(r => r.CallId), Is.EqualTo(new[] { "inv-2" }));
        Assert.That(User.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void CallsInSetupCountInvitesUntilTheirFinalResponse()
    {
        Admit(new OverloadOptions { MaxCallsInSetup = 2 });
        Layer.HandleIncoming(Invite(1));
        Layer.HandleIncoming(Invite(2));
        Assert.That(Layer.InvitesInSetup, Is.EqualTo(2));
        Layer.HandleIncoming(Invite(3));
        Assert.That(Transport.Responses(503), Has.Count.EqualTo(1), "the third call waits for a slot");

        var (first, firstInvite) = User.Requests[0];
        first.SendResponse(TestMessages.ResponseTo(firstInvite, 180));
        Assert.That(Layer.InvitesInSetup, Is.EqualTo(2), "ringing is still set-up");
        first.SendResponse(TestMessages.ResponseTo(firstInvite, 200));
        var (second, secondInvite) = User.Requests[1];
        second.SendResponse(TestMessages.ResponseTo(secondInvite, 486));
        Assert.That(Layer.InvitesInSetup, Is.EqualTo(0));

        Layer.HandleIncoming(Invite(4));
        Assert.That(Layer.InvitesInSetup, Is.EqualTo(1));
        User.Requests[2].Transaction.Abandon();
        Assert.That(Layer.InvitesInSetup, Is.EqualTo(0), "an abandoned INVITE is not in set-up");
        Assert.That(Transport.Responses(503), Has.Count.EqualTo(1));
    }

    [Test]
    public void TheTableIsBoundedAndFreesAsTransactionsEnd()
    {
        Admit(new OverloadOptions { MaxServerTransactions = 3 });
        User.Answer = (t, r) => t.SendResponse(TestMessages.ResponseTo(r, 200));
        for (int i = 0; i < 3; i++)
        {
            Layer.HandleIncoming(TestMessages.Request(SipMethod.Options, branch: "z9hG4bKopt" + i, callId: $"opt-{i}"));
        }
        Assert.That(Layer.ServerCount, Is.EqualTo(3), "answered, held for timer J");

        Layer.HandleIncoming(TestMessages.Request(SipMethod.Options, branch: "z9hG4bKopt9", callId: "opt-9"));
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Bye, branch: "z9hG4bKbye", callId: "call-bye", toTag: "t1"));
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Options, branch: "z9hG4bKopt0", callId: "opt-0"));

        Assert.That(Transport.Responses(503).Select(r => r.CallId), Is.EqualTo(new[] { "opt-9" }));
        Assert.That(User.Requests.Select(r => r.Request.CallId), Does.Contain("call-bye"), "in-dialog requests are never shed");
        Assert.That(Transport.Responses(200).Count(r => r.CallId == "opt-0"), Is.EqualTo(2), "a retransmission is absorbed, not shed");
        Assert.That(Layer.ServerCount, Is.EqualTo(4));

        Run(TimeSpan.FromSeconds(33)); // timer J
        Assert.That(Layer.ServerCount, Is.EqualTo(0));
        Layer.HandleIncoming(TestMessages.Request(SipMethod.Options, branch: "z9hG4bKopt10", callId: "opt-10"));
        Assert.That(Transport.Responses(200).Count(r => r.CallId == "opt-10"), Is.EqualTo(1));
    }

    [Test]
    public void AStateless503ThatCannotBeSentIsNotAFault()
    {
        Admit(new OverloadOptions { MaxCallsPerSecond = 1 });
        Layer.HandleIncoming(Invite(1));
        Transport.Fail = m => m is SipResponse { StatusCode: 503 } ? new System.Net.Sockets.SocketException() : null;

        Assert.DoesNotThrow(() => Layer.HandleIncoming(Invite(2)));
        Assert.That(Layer.Refused, Is.EqualTo(1));
    }
}

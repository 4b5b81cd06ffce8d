using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>RFC 3261 §17.1.2.</summary>
public class NonInviteClientTransactionTests : TransactionFixture
{
    private ClientTransaction Send(SipMethod method = SipMethod.Options, SipTransportKind transport = SipTransportKind.Udp) =>
        Layer.SendRequest(TestMessages.Request(method, branch: null), TestMessages.PeerOver(transport));

    [Test]
    public void TimerEDoublesUpToT2UntilTimerFReportsTimeout()
    {
        ClientTransaction options = Send();
        Run(TimeSpan.FromSeconds(32));

        // E = T1, 2T1, 4T1, then T2 = 4 s (§17.1.2.2).
        int[] expected = [0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500];
        Assert.That(Transport.TimesOf(SipMethod.Options), Is.EqualTo(expected.Select(Ms)));
        Assert.That(User.Timeouts, Is.EqualTo(new[] { options }), "timer F = 64*T1");
        Assert.That(Layer.Count, Is.Zero);
        Assert.That(Wheel.Count, Is.Zero);
    }

    [Test]
    public void InProceedingTimerERetransmitsEveryT2()
    {
        ClientTransaction register = Send(SipMethod.Register);
        RunMs(200);
        Layer.HandleIncoming(TestMessages.ResponseTo(register.Request, 100));
        Assert.That(register.State, Is.EqualTo(TransactionState.Proceeding));
        Run(TimeSpan.FromSeconds(13));

        Assert.That(Transport.TimesOf(SipMethod.Register), Is.EqualTo(new[] { 0, 500, 4500, 8500, 12500 }.Select(Ms)));
        Assert.That(User.Responses.Single().Response.StatusCode, Is.EqualTo(100));
    }

    [Test]
    public void FinalGoesToTheTuOnceAndTimerKEndsTheTransactionAfterT4()
    {
        ClientTransaction bye = Send(SipMethod.Bye);
        Layer.HandleIncoming(TestMessages.ResponseTo(bye.Request, 200));
        Layer.HandleIncoming(TestMessages.ResponseTo(bye.Request, 200));
        Assert.That(User.Responses, Has.Count.EqualTo(1), "the retransmitted final is absorbed in Completed");
        Assert.That(bye.State, Is.EqualTo(TransactionState.Completed));

        Run(TimeSpan.FromSeconds(5) - Ms(10));
        Assert.That(bye.State, Is.EqualTo(TransactionState.Completed));
        Assert.That(Transport.Requests(SipMethod.Bye), Has.Count.EqualTo(1), "no retransmission after the final");
        RunMs(10);
        Assert.That(bye.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(Layer.Count, Is.Zero);
    }

    [Test]
    public void OverTcpNothingIsRetransmittedAndTimerKIsZero()
    {
        ClientTransaction options = Send(transport: SipTransportKind.Tcp);
        Run(TimeSpan.FromSeconds(10));
        Assert.That(Transport.Requests(SipMethod.Options), Has.Count.EqualTo(1));

        Layer.HandleIncoming(TestMessages.ResponseTo(options.Request, 200));
        Assert.That(options.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(User.Responses, Has.Count.EqualTo(1));
        Assert.That(Layer.Count, Is.Zero);
    }

    [Test]
    public void OverTcpTimerFStillTimesOut()
    {
        Send(transport: SipTransportKind.Tcp);
        Run(TimeSpan.FromSeconds(32));
        Assert.That(User.Timeouts, Has.Count.EqualTo(1));
    }

    [Test]
    public void ResponsesMatchOnBranchAndCSeqMethod()
    {
        ClientTransaction options = Send();
        SipResponse wrongMethod = TestMessages.ResponseTo(options.Request, 200);
        wrongMethod.Headers.Set(HeaderKind.CSeq, "1 INFO");
        wrongMethod.InvalidateParsedHeaders();
        Layer.HandleIncoming(wrongMethod);

        Assert.That(User.Responses, Is.Empty);
        Assert.That(User.StrayResponses, Is.EqualTo(new[] { wrongMethod }));
        Assert.That(options.State, Is.EqualTo(TransactionState.Trying));
    }

    [Test]
    public void PerTransactionCallbacksReplaceTheLayerUser()
    {
        var own = new RecordingUser();
        ClientTransaction options = Layer.SendRequest(TestMessages.Request(SipMethod.Options, branch: null), Destination, own);
        Layer.HandleIncoming(TestMessages.ResponseTo(options.Request, 200));
        Assert.That(own.Responses, Has.Count.EqualTo(1));
        Assert.That(User.Responses, Is.Empty);
    }
}

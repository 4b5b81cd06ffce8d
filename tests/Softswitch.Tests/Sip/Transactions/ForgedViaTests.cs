using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>
/// Issue 12 hole 5: a request whose Via names a victim in <c>received</c> or <c>maddr</c> must not turn the switch into a
/// reflector. Every response, and every timer G retransmission of a final response, goes to the packet's real source.
/// </summary>
public class ForgedViaTests : TransactionFixture
{
    private const string Victim = "203.0.113.66";

    private static readonly IPAddress PeerAddress = TestMessages.Peer.EndPoint.Address;

    private static IEnumerable<TestCaseData> ForgedVias()
    {
        yield return new TestCaseData(";received=" + Victim, 5062).SetName("ReceivedNamingAVictim");
        yield return new TestCaseData(";maddr=" + Victim, 5062).SetName("MaddrNamingAVictim");
        yield return new TestCaseData(";maddr=239.255.255.1", 5062).SetName("MaddrNamingAMulticastGroup");
        yield return new TestCaseData(";received=" + Victim + ";maddr=" + Victim, 5062).SetName("ReceivedAndMaddr");
        yield return new TestCaseData(";received=" + Victim + ";rport", TestMessages.Peer.EndPoint.Port).SetName("ReceivedWithRport");
    }

    [TestCaseSource(nameof(ForgedVias))]
    public void ChallengeAndItsRetransmissionsGoOnlyToTheRealSource(string viaParameters, int expectedPort)
    {
        User.Answer = (transaction, request) => transaction.SendResponse(SipResponseFactory.Create(request, 407, toTag: "uas1"));
        var invite = TestMessages.Request(SipMethod.Invite, via: "198.51.100.7:5062", viaParameters: viaParameters);

        Layer.HandleIncoming(invite);
        Run(TimeSpan.FromSeconds(33));

        Assert.That(Transport.Responses(407), Has.Count.EqualTo(11), "the 407 and its timer G retransmissions");
        Assert.That(Transport.Sent.Select(s => s.Destination.EndPoint).Distinct(),
            Is.EqualTo(new[] { new IPEndPoint(PeerAddress, expectedPort) }), "nothing may go anywhere but the source");
    }

    [Test]
    public void ForgedReceivedWithAVictimSentByStillAnswersTheSource()
    {
        User.Answer = (transaction, request) => transaction.SendResponse(SipResponseFactory.Create(request, 200, toTag: "uas1"));
        var options = TestMessages.Request(SipMethod.Options, via: Victim + ":5060", viaParameters: ";received=" + Victim);

        Layer.HandleIncoming(options);

        Assert.That(Transport.Sent.Single().Destination.EndPoint, Is.EqualTo(new IPEndPoint(PeerAddress, 5060)));
    }
}

using Softswitch.Sip.Messages;
using Softswitch.Tests.Sip.Transactions;

namespace Softswitch.Tests.Sip.Messages;

public class MaxForwardsTests
{
    private static SipRequest With(string? value)
    {
        var request = TestMessages.Request(SipMethod.Invite);
        request.Headers.RemoveAll(HeaderKind.MaxForwards);
        if (value is not null)
        {
            request.Headers.Add(HeaderKind.MaxForwards, value);
        }
        return request;
    }

    [TestCase("70", 69)]
    [TestCase("1", 0)]
    [TestCase("255", 254)]
    [TestCase(" 5 ", 4)]
    [TestCase(null, 70)]
    public void TheCopyCarriesTheReceivedValueLessOne(string? received, int next)
    {
        var forward = TestMessages.Request(SipMethod.Invite);
        MaxForwards.CarryOver(With(received), forward);
        Assert.That(forward.Headers.GetAll(HeaderKind.MaxForwards), Is.EqualTo(new[] { next.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Test]
    public void ZeroIsExhaustedAndIsNeverCarriedBelowZero()
    {
        Assert.That(MaxForwards.IsExhausted(With("0")), Is.True);
        Assert.That(MaxForwards.Next(With("0")), Is.Zero);
        Assert.That(MaxForwards.IsExhausted(With("1")), Is.False);
        Assert.That(MaxForwards.IsExhausted(With(null)), Is.False);
    }
}

using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

public class BranchGeneratorTests
{
    [Test]
    public void BranchesCarryTheCookieAndAreUnique()
    {
        var branches = Enumerable.Range(0, 10_000).Select(_ => BranchGenerator.NewBranch()).ToList();
        Assert.That(branches, Is.Unique);
        Assert.That(branches, Has.All.StartWith(SipVia.MagicCookie));
        Assert.That(branches, Has.All.Length.EqualTo(23));
        Assert.That(branches.All(b => SipSyntax.IsToken(b)), Is.True);
    }

    [TestCase("z9hG4bK776asdhds", true)]
    [TestCase("776asdhds", false)]
    [TestCase("Z9HG4BK776", false)]
    [TestCase(null, false)]
    public void Rfc3261BranchesAreRecognised(string? branch, bool expected) =>
        Assert.That(BranchGenerator.IsRfc3261(branch), Is.EqualTo(expected));
}

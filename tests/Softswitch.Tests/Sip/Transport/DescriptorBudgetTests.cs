using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Media;
using Softswitch.Sip.Transport;
using Softswitch.Tests.Sip.Media;

namespace Softswitch.Tests.Sip.Transport;

/// <summary>The descriptors peers may make the process hold, shared by TCP connections and relay sockets.</summary>
public class DescriptorBudgetTests
{
    [Test]
    public void TakingPastTheLimitTakesNothing()
    {
        var budget = new DescriptorBudget(5);
        Assert.That(budget.TryTake(4), Is.True);
        Assert.That(budget.TryTake(2), Is.False);
        Assert.That(budget.InUse, Is.EqualTo(4));
        Assert.That(budget.TryTake(1), Is.True);
        budget.Give(4);
        Assert.That(budget.InUse, Is.EqualTo(1));
    }

    [Test]
    public void TheProcessBudgetLeavesRoomForWhatIsAlreadyOpenAndTheHeadroom()
    {
        var budget = DescriptorBudget.ForProcess();
        string? line = File.Exists("/proc/self/limits")
            ? File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal))
            : null;
        if (line is null || !long.TryParse(line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out long soft))
        {
            Assert.That(budget.Limit, Is.EqualTo(int.MaxValue), "no limit known: no budget");
            return;
        }
        int open = Directory.EnumerateFileSystemEntries("/proc/self/fd").Count();
        Assert.That(budget.Limit, Is.LessThanOrEqualTo(soft - open - DescriptorBudget.HeadroomFor(soft) + 16).And.GreaterThanOrEqualTo(0));
        Assert.That(budget.Limit, Is.GreaterThan(soft - open - DescriptorBudget.HeadroomFor(soft) - 64), "measured, not guessed");
    }

    [Test]
    public void RelaySessionsTakeFourDescriptorsEachAndGiveThemBack()
    {
        (int first, int last) = LoopbackPorts.FreeRange(8);
        var budget = new DescriptorBudget(7);
        using var relay = new RtpRelay(new RtpRelayOptions { BindAddress = "127.0.0.1", PortRangeStart = first, PortRangeEnd = last },
            new FakeTimeProvider(), NullLogger.Instance, budget);

        var session = relay.TryCreateSession("one");
        Assert.That(session, Is.Not.Null);
        Assert.That(budget.InUse, Is.EqualTo(4));
        Assert.That(relay.TryCreateSession("two"), Is.Null, "three descriptors left, four needed");
        Assert.That(relay.Ports.Available, Is.EqualTo(relay.Ports.Capacity - 2), "the refused call rented no port");

        session!.Dispose();
        Assert.That(budget.InUse, Is.Zero);
        using var again = relay.TryCreateSession("three");
        Assert.That(again, Is.Not.Null);
    }
}

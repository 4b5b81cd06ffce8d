using Softswitch.Sip.Auth;

namespace Softswitch.Tests.Sip.Auth;

public class NonceCountTrackerTests
{
    private const long Lifetime = 300_000;

    [Test]
    public void CountsMustStrictlyIncreasePerNonce()
    {
        var tracker = new NonceCountTracker(100);

        Assert.That(tracker.TryAdvance("a", 0, 1, 0, Lifetime), Is.EqualTo(NonceCountOutcome.Accepted));
        Assert.That(tracker.TryAdvance("a", 0, 1, 0, Lifetime), Is.EqualTo(NonceCountOutcome.Replay));
        Assert.That(tracker.TryAdvance("b", 0, 1, 0, Lifetime), Is.EqualTo(NonceCountOutcome.Accepted));
        Assert.That(tracker.TryAdvance("a", 0, 3, 0, Lifetime), Is.EqualTo(NonceCountOutcome.Accepted));
        Assert.That(tracker.TryAdvance("a", 0, 2, 0, Lifetime), Is.EqualTo(NonceCountOutcome.Replay));
    }

    [Test]
    public void ExpiredEntriesMakeRoomFirst()
    {
        var tracker = new NonceCountTracker(16);
        for (int k = 0; k < 16; k++)
        {
            tracker.TryAdvance($"old{k}", 0, 1, 0, Lifetime);
        }

        Assert.That(tracker.TryAdvance("new", Lifetime + 1, 1, Lifetime + 2, Lifetime), Is.EqualTo(NonceCountOutcome.Accepted));
        Assert.That(tracker.Count, Is.EqualTo(1));
    }

    [Test]
    public void EvictionNeverReopensAReplayWindow()
    {
        var tracker = new NonceCountTracker(16);
        for (int k = 0; k < 16; k++)
        {
            tracker.TryAdvance($"n{k}", k, 1, 100, Lifetime);
        }

        // Full of live nonces: the oldest half is forgotten, and from then on those nonces are stale, not fresh.
        Assert.That(tracker.TryAdvance("late", 50, 1, 100, Lifetime), Is.EqualTo(NonceCountOutcome.Accepted));
        Assert.That(tracker.Count, Is.LessThanOrEqualTo(16));
        Assert.That(tracker.TryAdvance("n0", 0, 1, 100, Lifetime), Is.EqualTo(NonceCountOutcome.Forgotten));
        Assert.That(tracker.TryAdvance("n15", 15, 1, 100, Lifetime), Is.EqualTo(NonceCountOutcome.Replay));
    }
}

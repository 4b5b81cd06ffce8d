using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;

namespace Softswitch.Tests.Core.Cdrs;

public class CdrWriterTests
{
    private static Cdr Sample(int i) => new() { CallId = i, Account = "acme", CalleeE164 = "1002", Start = i, Stop = i };

    private static CdrQueueOptions Options(int capacity = 10_000, int batch = 100) =>
        new() { Capacity = capacity, BatchSize = batch, RetryDelay = TimeSpan.FromMilliseconds(5) };

    [Test]
    public async Task WritesInBatchesAndDrainsEverythingOnStop()
    {
        var options = Options(batch: 100);
        var queue = new CdrQueue(options);
        var store = new RecordingStore();
        using var writer = new CdrWriter(queue, store, options, TimeProvider.System);
        for (int i = 0; i < 1000; i++)
        {
            Assert.That(queue.TryEnqueue(Sample(i)), Is.True);
        }
        store.Gate.Reset(); // hold the first batch so the rest is still queued when Stop is called

        await writer.StartAsync();
        var stopping = writer.StopAsync();
        store.Gate.Set();
        await stopping;

        Assert.That(store.Written.Select(c => c.CallId), Is.EqualTo(Enumerable.Range(0, 1000).Select(i => (long)i)));
        Assert.That(store.BatchSizes, Is.All.LessThanOrEqualTo(100));
        Assert.That(store.BatchSizes.Count, Is.GreaterThanOrEqualTo(10));
        Assert.That(writer.Written, Is.EqualTo(1000));
        Assert.That(queue.Count, Is.Zero);
        Assert.That(queue.TryEnqueue(Sample(1)), Is.False, "closed after stop");
        Assert.That(queue.Refused, Is.EqualTo(1));
    }

    [Test]
    public void AFullQueueRefusesAndCountsInsteadOfBlocking()
    {
        var queue = new CdrQueue(Options(capacity: 2));

        Assert.That(queue.TryEnqueue(Sample(1)), Is.True);
        Assert.That(queue.TryEnqueue(Sample(2)), Is.True);
        Assert.That(queue.TryEnqueue(Sample(3)), Is.False);
        Assert.That(queue.Count, Is.EqualTo(2));
        Assert.That(queue.Refused, Is.EqualTo(1));
        Assert.That(queue.Accepted, Is.EqualTo(2));
    }

    [Test]
    public async Task AFailedBatchIsRetriedNotLost()
    {
        var options = Options();
        var queue = new CdrQueue(options);
        var store = new RecordingStore { FailuresLeft = 3 };
        using var writer = new CdrWriter(queue, store, options, TimeProvider.System);
        await writer.StartAsync();
        for (int i = 0; i < 50; i++)
        {
            queue.TryEnqueue(Sample(i));
        }

        await writer.StopAsync();

        Assert.That(store.Written, Has.Count.EqualTo(50));
        Assert.That(writer.WriteFailures, Is.EqualTo(3));
        Assert.That(writer.Lost, Is.Zero);
        Assert.That(writer.LastError, Is.Not.Null);
    }

    [Test]
    public async Task WhenTheStoreStaysDownTheStopDeadlineGivesUpAndCountsTheLoss()
    {
        var options = Options();
        var queue = new CdrQueue(options);
        var store = new RecordingStore { FailuresLeft = int.MaxValue };
        using var writer = new CdrWriter(queue, store, options, TimeProvider.System);
        await writer.StartAsync();
        queue.TryEnqueue(Sample(1));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await writer.StopAsync(deadline.Token);

        Assert.That(writer.Lost, Is.EqualTo(1));
    }

    [Test]
    public async Task EveryCallEndsInExactlyOneCdr()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20000));
        var registry = new CallRegistry(time, new CallEvents());
        var queue = new CdrQueue(Options());
        var recorder = new CdrRecorder(registry, queue);
        var answered = registry.Create(new CallSetup { CallerE164 = "1001", CalleeE164 = "1002", Account = "acme" });
        answered.Fire(CallTrigger.InviteSent);
        answered.Fire(CallTrigger.Answered);
        time.Advance(TimeSpan.FromMilliseconds(61_200));
        answered.End(EndReason.CalleeHangup);
        var unanswered = registry.Create(new CallSetup { CallerE164 = "1001", CalleeE164 = "1003", Account = "acme" });
        unanswered.Fire(CallTrigger.InviteSent);
        unanswered.End(EndReason.CalleeBusy);
        var live = registry.Create(new CallSetup { CallerE164 = "1001", CalleeE164 = "1004" });

        Assert.That(recorder.Complete(answered), Is.True);
        Assert.That(recorder.Complete(answered), Is.False, "a second completion writes nothing");
        Assert.That(recorder.Complete(unanswered), Is.True);
        Assert.That(() => recorder.Complete(live), Throws.InvalidOperationException);

        Assert.That(queue.Count, Is.EqualTo(2));
        Assert.That(registry.Count, Is.EqualTo(1));
        var writer = new List<Cdr>();
        while (queue.Count > 0)
        {
            var store = new RecordingStore();
            using var w = new CdrWriter(queue, store, Options(), time);
            await w.StartAsync();
            await w.StopAsync();
            writer.AddRange(store.Written);
        }
        var first = writer.Single(c => c.CalleeE164 == "1002");
        Assert.That(first.HoldTime, Is.EqualTo(62), "61.2 s rounds up to whole seconds");
        Assert.That(first.EndReason, Is.EqualTo(EndReason.CalleeHangup));
        Assert.That(first.EndDirection, Is.EqualTo(EndDirection.Callee));
        Assert.That(first.Stop - first.Start, Is.EqualTo(61_200));
        var second = writer.Single(c => c.CalleeE164 == "1003");
        Assert.That(second.HoldTime, Is.Zero);
        Assert.That(second.EndReason, Is.EqualTo(EndReason.CalleeBusy));
    }

    /// <summary>An in-memory store that records batches, can fail on demand, and can hold writes at a gate.</summary>
    private sealed class RecordingStore : ICdrStore
    {
        public ManualResetEventSlim Gate { get; } = new(true);
        public List<Cdr> Written { get; } = [];
        public List<int> BatchSizes { get; } = [];
        public int FailuresLeft { get; set; }

        public Task InsertBatchAsync(IReadOnlyList<Cdr> cdrs, CancellationToken cancellationToken = default)
        {
            Gate.Wait(TimeSpan.FromSeconds(10), cancellationToken);
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("store down");
            }
            lock (Written)
            {
                Written.AddRange(cdrs);
                BatchSizes.Add(cdrs.Count);
            }
            return Task.CompletedTask;
        }

        public Task<long?> TryInsertAsync(Cdr cdr, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task InsertChargedBatchAsync(IReadOnlyList<Cdr> cdrs, IReadOnlyList<Softswitch.Core.Billing.CallCharge?> charges,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<long?> TryInsertChargedAsync(Cdr cdr, Softswitch.Core.Billing.CallCharge? charge,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Cdr>> QueryAsync(CdrQuery query, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}

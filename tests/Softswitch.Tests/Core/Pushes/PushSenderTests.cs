using System.Text.Json;
using Softswitch.Core.Pushes;

namespace Softswitch.Tests.Core.Pushes;

/// <summary>
/// Durable delivery of the 001_… §4 pushes over real loopback HTTP: receiver restarts, lost answers, sender
/// restarts and max-age drops. The receiver dedups by Idempotency-Key; the tests check each key arrives at least
/// once, each logical push exactly once after dedup, and each call's reports in order.
/// </summary>
public class PushSenderTests
{
    private static PushMessage Report(long callId, int state) => PushMessage.CallStateReport(new CallStateReportPush
    {
        CallId = callId,
        CallState = state,
        EventTime = 1_700_000_000_000 + callId,
        CallerE164 = "1001",
        CalleeE164 = "1002",
        CallIdentifier = $"sip-{callId}",
    });

    private static readonly int[] States = [-18, -7, -8, -11, -12, -13];

    /// <summary>Publishes every state of every call, interleaving the calls; returns what was published.</summary>
    private static List<(long CallId, int State)> PublishCalls(PushQueue queue, long firstCall, int calls)
    {
        var published = new List<(long, int)>();
        foreach (int state in States)
        {
            for (long id = firstCall; id < firstCall + calls; id++)
            {
                Assert.That(queue.Publish(Report(id, state)), Is.True);
                published.Add((id, state));
            }
        }
        return published;
    }

    private static void AssertExactlyOnceInOrder(PushReceiver receiver, List<(long CallId, int State)> published)
    {
        var keys = receiver.Received.Select(r => r.Key).ToArray();
        Assert.That(keys, Has.All.Not.Empty, "every POST carries an Idempotency-Key");
        var unique = receiver.Deduplicated();
        Assert.That(unique, Has.Count.EqualTo(published.Count), "each push arrives at least once");
        var logical = unique.Select(r => (r.Json.GetProperty("callId").GetInt64(), r.Json.GetProperty("callState").GetInt32())).ToList();
        Assert.That(logical.Distinct().Count(), Is.EqualTo(published.Count), "each logical push once after dedup");
        Assert.That(logical, Is.EquivalentTo(published));
        foreach (var call in published.GroupBy(p => p.CallId))
        {
            Assert.That(logical.Where(l => l.Item1 == call.Key).Select(l => l.Item2), Is.EqualTo(call.Select(c => c.State)),
                $"reports of call {call.Key} in order");
        }
    }

    [Test]
    public async Task ReceiverRestartLosesNothingAndKeepsEachCallInOrder()
    {
        await using var receiver = await PushReceiver.StartNewAsync();
        receiver.LoseAnswerEvery = 5; // recorded, then answered 503: the sender resends, the receiver sees a duplicate
        await using var rig = await PushRig.StartAsync(PushRig.OptionsFor(receiver.Url));

        var published = PublishCalls(rig.Queue, 1, 4);
        await rig.UntilAsync(() => rig.Stats.Delivered == published.Count, "first calls delivered");

        await receiver.StopAsync();
        long failuresBefore = rig.Stats.Failures;
        published.AddRange(PublishCalls(rig.Queue, 10, 5));
        await rig.UntilAsync(() => rig.Stats.Failures >= failuresBefore + 3 && rig.Stats.Stored == published.Count,
            "failures while the receiver is down");
        Assert.That(rig.Stats.Pending, Is.GreaterThan(0));
        await receiver.StartAsync();
        await rig.UntilAsync(() => rig.Stats.Delivered == published.Count && rig.Stats.Pending == 0, "all delivered");

        AssertExactlyOnceInOrder(receiver, published);
        Assert.That(receiver.Received, Has.Count.GreaterThan(published.Count), "lost answers caused resends");
        Assert.That(receiver.Received.All(r => r.Page == "CallStateReport"), Is.True);
        Assert.That(rig.Stats.Dropped, Is.Zero);
        Assert.That(await rig.PushStore.LoadAllAsync(), Is.Empty, "delivered pushes leave the store");
    }

    [Test]
    public async Task SenderRestartDeliversWhatWasPending()
    {
        await using var receiver = await PushReceiver.StartNewAsync();
        await receiver.StopAsync();
        var rig = await PushRig.StartAsync(PushRig.OptionsFor(receiver.Url));
        var published = PublishCalls(rig.Queue, 1, 3);
        await rig.UntilAsync(() => rig.Stats.Stored == published.Count && rig.Stats.Failures > 0, "stored, receiver down");
        Assert.That(rig.Stats.Delivered, Is.Zero);

        await using var next = await rig.RestartAsync();
        Assert.That(next.Stats.Pending, Is.EqualTo(published.Count), "backlog loaded from SQLite at start");
        await receiver.StartAsync();
        await next.UntilAsync(() => next.Stats.Delivered == published.Count && next.Stats.Pending == 0, "backlog delivered after restart");

        AssertExactlyOnceInOrder(receiver, published);
        Assert.That(await next.PushStore.LoadAllAsync(), Is.Empty);
    }

    [Test]
    public async Task StopStoresWhatIsStillQueued()
    {
        var rig = await PushRig.StartAsync(PushRig.OptionsFor(PushReceiver.DeadUrl()));
        var published = PublishCalls(rig.Queue, 1, 5);
        await rig.StopAsync();
        await using var next = await rig.RestartAsync();
        Assert.That(next.Stats.Pending, Is.EqualTo(published.Count));
        Assert.That(rig.Queue.Publish(Report(99, -18)), Is.False, "a stopped queue refuses");
    }

    [Test]
    public async Task PushOlderThanMaxAgeIsDroppedAndCounted()
    {
        var options = PushRig.OptionsFor(PushReceiver.DeadUrl());
        options.MaxAge = TimeSpan.FromMinutes(1);
        await using var rig = await PushRig.StartAsync(options);
        PublishCalls(rig.Queue, 1, 2);
        await rig.UntilAsync(() => rig.Stats.Stored == 12, "stored");
        await rig.UntilAsync(() => rig.Stats.Expired == 12 && rig.Stats.Pending == 0, TimeSpan.FromSeconds(5), "expired");

        Assert.That(rig.Stats.Pending, Is.Zero);
        Assert.That(rig.Stats.Dropped, Is.EqualTo(12));
        Assert.That(rig.Stats.Delivered, Is.Zero);
        Assert.That(await rig.PushStore.LoadAllAsync(), Is.Empty, "expired pushes leave the store");
    }

    [Test]
    public async Task BackOffDoublesUpToTheCap()
    {
        var options = PushRig.OptionsFor(PushReceiver.DeadUrl());
        options.Concurrency = 1;
        await using var rig = await PushRig.StartAsync(options);
        rig.Queue.Publish(Report(1, -18));
        await rig.UntilAsync(() => rig.Stats.Failures == 1, TimeSpan.Zero, "first attempt");
        // The pause after each failure: 1, 2, 4 s, then capped at retryMaxDelay 4 s. The clock stands still between
        // advances, so each pause ends exactly its length after the failure that started it.
        foreach (int seconds in new[] { 1, 2, 4, 4 })
        {
            long attempts = rig.Stats.Attempts;
            rig.Time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
            await Task.Delay(100);
            Assert.That(rig.Stats.Attempts, Is.EqualTo(attempts), $"no attempt before the {seconds} s pause ends");
            rig.Time.Advance(TimeSpan.FromMilliseconds(1));
            await rig.UntilAsync(() => rig.Stats.Failures == attempts + 1, TimeSpan.Zero, $"attempt after {seconds} s");
        }
    }

    [Test]
    public async Task PermanentRefusalIsDroppedNotRetried()
    {
        await using var receiver = await PushReceiver.StartNewAsync();
        receiver.Status = 400;
        await using var rig = await PushRig.StartAsync(PushRig.OptionsFor(receiver.Url));
        rig.Queue.Publish(Report(1, -18));
        await rig.UntilAsync(() => rig.Stats.Rejected == 1 && rig.Stats.Pending == 0, "rejected");
        Assert.That(receiver.Received, Has.Count.EqualTo(1));
        Assert.That(rig.Stats.Dropped, Is.EqualTo(1));
        Assert.That(rig.Stats.Pending, Is.Zero);
    }

    [Test]
    public async Task BodyHasTheManualFieldNamesAndPageInTheUrl()
    {
        await using var receiver = await PushReceiver.StartNewAsync();
        await using var rig = await PushRig.StartAsync(PushRig.OptionsFor(receiver.Url));
        rig.Queue.Publish(PushMessage.CustomerMoneyChange("acme", 12.5));
        await rig.UntilAsync(() => rig.Stats.Delivered == 1, "delivered");

        var push = receiver.Received.Single();
        Assert.That(push.Page, Is.EqualTo("CustomerMoneyChange"));
        Assert.That(Guid.TryParse(push.Key, out _), Is.True);
        var names = push.Json.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.That(names, Is.EqualTo(new[] { "account", "money" }));
        Assert.That(push.Json.GetProperty("money").GetDouble(), Is.EqualTo(12.5));
        Assert.That(push.Json.GetProperty("account").ValueKind, Is.EqualTo(JsonValueKind.String));
    }
}

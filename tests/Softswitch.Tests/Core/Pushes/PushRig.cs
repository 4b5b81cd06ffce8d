using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Composition;
using Softswitch.Core.Pushes;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core.Pushes;

/// <summary>
/// A push sender as the host composes it (queue, SQLite store, HTTP transport) on a temp database and a fake clock.
/// <see cref="RestartAsync"/> stops it and builds a new one on the same file, as a process restart would.
/// </summary>
internal sealed class PushRig : IAsyncDisposable
{
    private readonly TempDatabase _db;
    private bool _ownsDb;
    private HttpPushTransport _transport = null!;

    private PushRig(PushOptions options, FakeTimeProvider time, TempDatabase db, bool ownsDb)
    {
        Options = options;
        Time = time;
        _db = db;
        _ownsDb = ownsDb;
        Store = new SqliteSoftswitchStore(db.Path);
        PushStore = new SqlitePushStore(Store);
        Stats = new PushStats();
        Queue = new PushQueue(options, Stats, time);
        _transport = new HttpPushTransport(options);
        Sender = new PushSender(Queue, PushStore, _transport, options, time);
    }

    public PushOptions Options { get; }
    public FakeTimeProvider Time { get; }
    public SqliteSoftswitchStore Store { get; }
    public SqlitePushStore PushStore { get; }
    public PushStats Stats { get; }
    public PushQueue Queue { get; }
    public PushSender Sender { get; }

    public static PushOptions OptionsFor(string url) => new()
    {
        Url = url,
        RetryInitialDelay = TimeSpan.FromSeconds(1),
        RetryMaxDelay = TimeSpan.FromSeconds(4),
        MaxAge = TimeSpan.FromHours(1),
        RequestTimeout = TimeSpan.FromSeconds(5),
        BatchSize = 7,
        Concurrency = 4,
    };

    public static async Task<PushRig> StartAsync(PushOptions options, bool start = true)
    {
        var rig = new PushRig(options, new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero)),
            new TempDatabase(), ownsDb: true);
        if (start)
        {
            await rig.Sender.StartAsync();
        }
        return rig;
    }

    /// <summary>Stops this sender and starts a new one (new queue, stats, transport) on the same database and clock.</summary>
    public async Task<PushRig> RestartAsync()
    {
        await StopAsync();
        _ownsDb = false;
        var next = new PushRig(Options, Time, _db, ownsDb: true);
        await next.Sender.StartAsync();
        return next;
    }

    public Task StopAsync() => Sender.StopAsync();

    /// <summary>
    /// Waits until <paramref name="done"/> holds, moving the fake clock by <paramref name="step"/> between real-time
    /// polls so back-off pauses end; fails after 15 s of real time.
    /// </summary>
    public async Task UntilAsync(Func<bool> done, TimeSpan step, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for {what}; delivered {Stats.Delivered}, pending {Stats.Pending}, " +
                    $"failures {Stats.Failures}, expired {Stats.Expired}, stored {Stats.Stored}");
            }
            Time.Advance(step);
            await Task.Delay(10);
        }
    }

    public Task UntilAsync(Func<bool> done, string what) => UntilAsync(done, TimeSpan.FromMilliseconds(250), what);

    public async ValueTask DisposeAsync()
    {
        await Sender.StopAsync();
        Sender.Dispose();
        _transport.Dispose();
        Store.Dispose();
        if (_ownsDb)
        {
            _db.Dispose();
        }
    }
}

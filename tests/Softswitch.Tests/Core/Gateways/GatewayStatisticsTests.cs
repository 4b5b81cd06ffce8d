using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Gateways;
using Softswitch.Core.Routing;

namespace Softswitch.Tests.Core.Gateways;

/// <summary>The live per-gateway figures (docs/gateway-statistics.md) on a fake clock.</summary>
public sealed class GatewayStatisticsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private GatewayStatistics _stats = null!;

    [SetUp]
    public void SetUp() => _stats = new GatewayStatistics(new GatewayStatisticsOptions { Window = TimeSpan.FromMinutes(10) }, _time);

    private GatewayCallTicket Out(long id = 1) => _stats.Start(GatewayKind.Routing, id, $"out{id}");

    private GatewayStatisticsSnapshot Read(long id = 1, GatewayKind kind = GatewayKind.Routing) =>
        _stats.Snapshot(kind, id) ?? throw new AssertionException("no statistics");

    private void Calls(int answered, int failed, long id = 1)
    {
        for (int i = 0; i < answered; i++)
        {
            Out(id).Answered();
        }
        for (int i = 0; i < failed; i++)
        {
            Out(id).Failed(503);
        }
    }

    [Test]
    public void AsrIsAnsweredOverConcludedAttemptsWithinTheWindow()
    {
        Calls(answered: 4, failed: 6);
        var ringing = Out();

        var read = Read();

        Assert.That(read.Window.Attempts, Is.EqualTo(10), "the attempt still ringing is not judged yet");
        Assert.That(read.Window.Answered, Is.EqualTo(4));
        Assert.That(read.Window.Asr, Is.EqualTo(40.0).Within(1e-9));
        ringing.Failed(0);
        Assert.That(Read().Window.Asr, Is.EqualTo(4.0 / 11 * 100).Within(1e-9));
    }

    [Test]
    public void OldCallsLeaveTheWindowButStayInTheTotals()
    {
        Calls(answered: 0, failed: 5);
        _time.Advance(TimeSpan.FromMinutes(5));
        Calls(answered: 5, failed: 0);

        double both = Read().Window.Asr!.Value;
        _time.Advance(TimeSpan.FromMinutes(6));
        var later = Read();
        _time.Advance(TimeSpan.FromMinutes(10));
        var idle = Read();

        Assert.That(both, Is.EqualTo(50.0).Within(1e-9));
        Assert.That(later.Window.Attempts, Is.EqualTo(5), "the first five concluded more than a window ago");
        Assert.That(later.Window.Asr, Is.EqualTo(100.0).Within(1e-9));
        Assert.That(idle.Window.Attempts, Is.Zero);
        Assert.That(idle.Window.Asr, Is.Null, "no attempt, no ratio");
        Assert.That(idle.Total.Attempts, Is.EqualTo(10));
        Assert.That(idle.Total.Asr, Is.EqualTo(50.0).Within(1e-9));
    }

    [Test]
    public void AcdIsTheMeanTalkTimeOfAnsweredCallsThatEnded()
    {
        var a = Out();
        var b = Out();
        var unanswered = Out();
        a.Answered();
        b.Answered();
        _time.Advance(TimeSpan.FromSeconds(30));
        a.Ended();
        _time.Advance(TimeSpan.FromSeconds(60));
        b.Ended();
        unanswered.Ended();

        var read = Read();

        Assert.That(read.Window.CallsEnded, Is.EqualTo(2));
        Assert.That(read.Window.Acd, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(read.Window.Attempts, Is.EqualTo(3), "the call ended before any answer counts as a failed attempt");
        Assert.That(read.Window.Answered, Is.EqualTo(2));
    }

    [Test]
    public void PddRunsFromTheStartToTheFirst18xOrToAnAnswerWithoutOne()
    {
        var ringing = Out();
        var direct = Out();
        _time.Advance(TimeSpan.FromSeconds(2));
        ringing.Progress();
        _time.Advance(TimeSpan.FromSeconds(2));
        ringing.Progress();
        direct.Answered();
        ringing.Answered();

        var read = Read();

        Assert.That(read.Window.PddSamples, Is.EqualTo(2));
        Assert.That(read.Window.Pdd, Is.EqualTo(TimeSpan.FromSeconds(3)), "(2 s + 4 s) / 2: the second 18x is not a sample");
    }

    [Test]
    public void CurrentCallsCountRingingAndTalkingAttemptsAndFeedTheRoutingLoad()
    {
        var failed = Out();
        var talking = Out();
        var ringing = Out();
        failed.Failed(486);
        talking.Answered();
        IGatewayLoad load = _stats;

        var during = load.Read(1);
        talking.Ended();
        ringing.Ended();
        var after = load.Read(1);

        Assert.That(during, Is.EqualTo(new GatewayLoad(CurrentCalls: 2, CallsCarried: 3)));
        Assert.That(after, Is.EqualTo(new GatewayLoad(CurrentCalls: 0, CallsCarried: 3)));
        Assert.That(Read().CurrentCalls, Is.Zero);
        Assert.That(load.Read(99), Is.EqualTo(default(GatewayLoad)), "a gateway never used reads zeroes");
    }

    [Test]
    public void ResponseAndConnectionRatiosTellSilenceErrorsAndReachedCalleesApart()
    {
        Out().Failed(0);
        Out().Failed(503);
        Out().Failed(486);
        var rang = Out();
        rang.Progress();
        rang.Failed(487);
        Out().Answered();

        var window = Read().Window;

        Assert.That(window.Attempts, Is.EqualTo(5));
        Assert.That(window.Responded, Is.EqualTo(4), "everything but the timeout");
        Assert.That(window.Connected, Is.EqualTo(3), "busy, rang, answered");
        Assert.That(window.ResponseRatio, Is.EqualTo(80.0).Within(1e-9));
        Assert.That(window.ConnectedRatio, Is.EqualTo(60.0).Within(1e-9));
    }

    [Test]
    public void RepeatedAndLateReportsCountOnce()
    {
        var ticket = Out();
        ticket.Answered();
        ticket.Answered();
        ticket.Failed(503);
        _time.Advance(TimeSpan.FromSeconds(10));
        ticket.Ended();
        _time.Advance(TimeSpan.FromSeconds(10));
        ticket.Ended();
        ticket.Progress();

        var read = Read();

        Assert.That(ticket.IsOver, Is.True);
        Assert.That(read.Total, Is.EqualTo(new GatewayTraffic(1, 1, 1, 1, 1, TimeSpan.FromSeconds(10), 1, TimeSpan.Zero)));
        Assert.That(read.CurrentCalls, Is.Zero);
    }

    [TestCase(-1)]
    [TestCase(100)]
    [TestCase(200)]
    [TestCase(700)]
    public void AFailureStatusThatIsNotAFinalErrorIsABugOfTheCaller(int status) =>
        Assert.That(() => Out().Failed(status), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void MappingAndRoutingGatewaysWithTheSameIdAreKeptApart()
    {
        _stats.Start(GatewayKind.Mapping, 1, "in1").Answered();
        Out().Failed(503);
        IGatewayQuality quality = _stats;

        Assert.That(quality.Read(1), Is.EqualTo(new GatewayQuality(Attempts: 1, Answered: 0)));
        Assert.That(Read(1, GatewayKind.Mapping).Window.Answered, Is.EqualTo(1));
        Assert.That(Read(1, GatewayKind.Mapping).Name, Is.EqualTo("in1"));
        Assert.That(_stats.Snapshots(GatewayKind.Mapping).Select(s => s.Name), Is.EqualTo(new[] { "in1" }));
    }

    [Test]
    public void QualityReadsTheWindowNotTheTotals()
    {
        Calls(answered: 0, failed: 4);
        _time.Advance(TimeSpan.FromMinutes(11));
        Calls(answered: 1, failed: 0);
        IGatewayQuality quality = _stats;

        Assert.That(quality.Read(1), Is.EqualTo(new GatewayQuality(Attempts: 1, Answered: 1)));
    }

    [Test]
    public void ForgettingAGatewayNeedsNoCallUp()
    {
        var ticket = Out();
        _time.Advance(TimeSpan.FromSeconds(5));
        ticket.Answered();

        bool whileUp = _stats.Forget(GatewayKind.Routing, 1);
        ticket.Ended();
        bool afterwards = _stats.Forget(GatewayKind.Routing, 1);

        Assert.That(whileUp, Is.False);
        Assert.That(afterwards, Is.True);
        Assert.That(_stats.Snapshot(GatewayKind.Routing, 1), Is.Null);
        Assert.That(_stats.Forget(GatewayKind.Routing, 1), Is.False);
    }

    [Test]
    public void ARenamedGatewayReportsItsNewName()
    {
        Out().Answered();
        _stats.Start(GatewayKind.Routing, 1, "renamed").Failed(0);

        Assert.That(Read().Name, Is.EqualTo("renamed"));
        Assert.That(Read().LastActivity, Is.EqualTo(_time.GetUtcNow()));
    }

    [Test]
    public async Task ConcurrentCallsAreAllCounted()
    {
        const int perWorker = 500;
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (int i = 0; i < perWorker; i++)
            {
                var ticket = Out(1 + (i % 3));
                ticket.Progress();
                if ((i + w) % 2 == 0)
                {
                    ticket.Answered();
                    ticket.Ended();
                }
                else
                {
                    ticket.Failed(480);
                }
            }
        }));
        await Task.WhenAll(workers);

        var all = _stats.Snapshots(GatewayKind.Routing);

        Assert.That(all.Sum(s => s.Total.Attempts), Is.EqualTo(4 * perWorker));
        Assert.That(all.Sum(s => s.Total.Answered), Is.EqualTo(2 * perWorker));
        Assert.That(all.Sum(s => s.Total.CallsEnded), Is.EqualTo(2 * perWorker));
        Assert.That(all.Sum(s => s.CurrentCalls), Is.Zero);
        Assert.That(all.Sum(s => s.CallsCarried), Is.EqualTo(4 * perWorker));
    }
}

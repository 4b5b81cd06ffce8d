using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Journal;
using Softswitch.Core.Store;
using Softswitch.Tests.Core.Calls;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.Core.Journal;

/// <summary>
/// The live-call journal over a temp SQLite file on a fake clock: a connected call survives a "crash" (the process's
/// objects abandoned without ending it) as exactly one CDR with end reason SwitchRestarted, however often recovery runs.
/// </summary>
public class CallJournalTests
{
    private TempDatabase _db = null!;
    private CallFixture _calls = null!;
    private SqliteSoftswitchStore _store = null!;
    private SqliteCallJournalStore _journalStore = null!;

    [SetUp]
    public void SetUp()
    {
        _db = new TempDatabase();
        _calls = new CallFixture();
        _store = _db.OpenStore();
        _journalStore = new SqliteCallJournalStore(_store);
    }

    [TearDown]
    public void TearDown()
    {
        _store.Dispose();
        _db.Dispose();
    }

    private CallJournal NewJournal() => new(_journalStore, _calls.Time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    private static JournalledDialog Leg(string callId, string destinationIp, int port) => new()
    {
        SipCallId = callId,
        LocalTag = "local-" + callId,
        RemoteTag = "remote-" + callId,
        LocalUri = "<sip:1002@127.0.0.1>",
        RemoteUri = "<sip:1001@127.0.0.1>",
        RemoteTarget = $"sip:1001@{destinationIp}:{port}",
        RouteSet = ["<sip:proxy.example;lr>"],
        LocalCSeq = 3,
        LocalContact = "<sip:1002@127.0.0.1:5060>",
        Transport = "Udp",
        DestinationIp = destinationIp,
        DestinationPort = port,
    };

    private static JournalledDialog[] Legs(Call call) =>
        [Leg("caller-" + call.CallId, "192.0.2.10", 5062), Leg("callee-" + call.CallId, "192.0.2.20", 5070)];

    /// <summary>A connected call journalled by <paramref name="journal"/>, written to the file.</summary>
    private async Task<Call> JournalledCallAsync(CallJournal journal)
    {
        var call = _calls.CallIn(CallState.Connected);
        long before = journal.Written;
        journal.Answered(call, Legs(call));
        Assert.That(await Eventually.UntilAsync(() => journal.Written > before && journal.Pending == 0), Is.True, "the answer is written");
        return call;
    }

    private async Task<List<(long CallId, long EndReason, long Start, long Stop, long HoldTime, string? CallKey)>> CdrRowsAsync()
    {
        await using var connection = await _store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT callId, endReason, start, stop, holdTime, callKey FROM cdrs ORDER BY flowNo";
        var rows = new List<(long, long, long, long, long, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return rows;
    }

    private async Task<long> JournalRowsAsync()
    {
        await using var connection = await _store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM call_journal";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task ACallUpAtACrashGetsOneCdrStoppedAtTheLastHeartbeatAndItsLegsAByeEach()
    {
        using var crashed = NewJournal();
        crashed.Start();
        var connectedAt = _calls.Time.GetUtcNow();
        var call = await JournalledCallAsync(crashed);
        for (int second = 1; second <= 5; second++)
        {
            long before = crashed.Written;
            _calls.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.That(await Eventually.UntilAsync(() => crashed.Written > before), Is.True, $"heartbeat {second} written");
        }
        _calls.Time.Advance(TimeSpan.FromMilliseconds(700)); // alive, but no heartbeat recorded it: not billed
        // kill -9: nothing is ended, nothing more is written.

        using var restarted = NewJournal();
        var recovery = new CallJournalRecovery(_journalStore, restarted);
        Assert.That(await recovery.WriteCdrsAsync(), Is.EqualTo(1));
        var cdr = (await CdrRowsAsync()).Single();
        Assert.That(cdr.CallId, Is.EqualTo(call.CallId));
        Assert.That(cdr.EndReason, Is.EqualTo((long)EndReason.SwitchRestarted));
        Assert.That(cdr.Start, Is.EqualTo(connectedAt.ToUnixTimeMilliseconds()));
        Assert.That(cdr.Stop, Is.EqualTo(connectedAt.AddSeconds(5).ToUnixTimeMilliseconds()));
        Assert.That(cdr.HoldTime, Is.EqualTo(5));
        Assert.That(cdr.CallKey, Is.EqualTo(call.JournalKey));

        var byes = new List<JournalledDialog>();
        Assert.That(await recovery.FinishAsync(byes.Add), Is.EqualTo(2));
        Assert.That(byes, Is.EqualTo(Legs(call)).Using<JournalledDialog>((a, b) =>
            a.SipCallId == b.SipCallId && a.RemoteTarget == b.RemoteTarget && a.DestinationPort == b.DestinationPort
            && a.RouteSet.SequenceEqual(b.RouteSet) && a.LocalCSeq == b.LocalCSeq));
        Assert.That(await JournalRowsAsync(), Is.Zero);
    }

    [Test]
    public async Task RecoveryRepeatedAfterASecondCrashWritesNoSecondCdr()
    {
        using var crashed = NewJournal();
        crashed.Start();
        await JournalledCallAsync(crashed);
        await JournalledCallAsync(crashed);

        // First restart writes the CDRs, then dies before its BYEs and the journal clean-up.
        using var first = NewJournal();
        Assert.That(await new CallJournalRecovery(_journalStore, first).WriteCdrsAsync(), Is.EqualTo(2));
        // Second restart replays the same rows: the CDRs are keyed, none is written twice; the BYEs are sent now.
        using var second = NewJournal();
        var recovery = new CallJournalRecovery(_journalStore, second);
        Assert.That(await recovery.WriteCdrsAsync(), Is.Zero);
        Assert.That(recovery.Recovered, Has.Count.EqualTo(2));
        Assert.That(await recovery.FinishAsync(_ => { }), Is.EqualTo(4));
        // Third start: nothing left.
        using var third = NewJournal();
        var again = new CallJournalRecovery(_journalStore, third);
        Assert.That(await again.WriteCdrsAsync(), Is.Zero);
        Assert.That(again.Recovered, Is.Empty);
        Assert.That(await CdrRowsAsync(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ACallEndedNormallyLeavesItsCdrAndNoJournalRow()
    {
        var queue = new CdrQueue(new CdrQueueOptions());
        var options = new CdrQueueOptions();
        using var journal = NewJournal();
        journal.Start();
        var recorder = new CdrRecorder(_calls.Registry, queue, journal);
        using var writer = new CdrWriter(queue, new SqliteCdrStore(_store), options, _calls.Time);
        await writer.StartAsync();
        var call = await JournalledCallAsync(journal);
        Assert.That(await JournalRowsAsync(), Is.EqualTo(1));

        Assert.That(call.End(EndReason.CallerHangup), Is.True);
        Assert.That(recorder.Complete(call), Is.True);
        await writer.StopAsync();
        Assert.That(journal.Live, Is.Zero);

        Assert.That(await JournalRowsAsync(), Is.Zero, "the row goes in the CDR's transaction");
        var cdr = (await CdrRowsAsync()).Single();
        Assert.That((cdr.EndReason, cdr.CallKey), Is.EqualTo(((long)EndReason.CallerHangup, call.JournalKey)));
        using var restarted = NewJournal();
        var recovery = new CallJournalRecovery(_journalStore, restarted);
        Assert.That(await recovery.WriteCdrsAsync(), Is.Zero);
        Assert.That(recovery.Recovered, Is.Empty);
    }

    [Test]
    public async Task ACallThatEndsBeforeItsAnswerIsWrittenIsNeverJournalled()
    {
        var queue = new CdrQueue(new CdrQueueOptions());
        using var journal = NewJournal(); // not started: the answer stays pending
        var recorder = new CdrRecorder(_calls.Registry, queue, journal);
        var call = _calls.CallIn(CallState.Connected);
        journal.Answered(call, Legs(call));
        Assert.That(journal.Pending, Is.EqualTo(1));
        call.End(EndReason.CalleeHangup);
        recorder.Complete(call);
        Assert.That(journal.Pending, Is.Zero);
        journal.Start();
        await journal.StopAsync();
        Assert.That(await JournalRowsAsync(), Is.Zero);
    }

    [Test]
    public async Task AnAnswerWrittenAfterItsCdrIsNotJournalled()
    {
        // The race the key closes: the CDR transaction ran first (nothing to delete), the journal write comes after.
        using var journal = NewJournal();
        var call = _calls.CallIn(CallState.Connected);
        journal.Answered(call, Legs(call));
        call.End(EndReason.CallerHangup);
        await new SqliteCdrStore(_store).InsertBatchAsync([CdrMapper.FromCall(call.Snapshot) with { CallKey = call.JournalKey }]);
        journal.Start(); // the pending answer is written now
        await journal.StopAsync();
        Assert.That(await JournalRowsAsync(), Is.Zero);
    }

    [Test]
    public async Task ACallsOwnProcessDoesNotRecoverIt()
    {
        using var journal = NewJournal();
        journal.Start();
        await JournalledCallAsync(journal);
        var recovery = new CallJournalRecovery(_journalStore, journal);
        Assert.That(await recovery.WriteCdrsAsync(), Is.Zero);
        Assert.That(recovery.Recovered, Is.Empty);
        await journal.StopAsync();
    }

    [Test]
    public async Task AnUnreadableRowIsDroppedAndCountedAndTheOthersAreRecovered()
    {
        using var crashed = NewJournal();
        crashed.Start();
        await JournalledCallAsync(crashed);
        await using (var connection = await _store.OpenConnectionAsync())
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO call_journal (callKey, bootId, connectedAt, cdr, legs) VALUES ('bad-1', 'bad', 0, '{not json', '[]')";
            await insert.ExecuteNonQueryAsync();
        }

        using var restarted = NewJournal();
        var recovery = new CallJournalRecovery(_journalStore, restarted);
        Assert.That(await recovery.WriteCdrsAsync(), Is.EqualTo(1));
        Assert.That((recovery.Recovered.Count, recovery.Damaged), Is.EqualTo((1, 1)));
        Assert.That(await JournalRowsAsync(), Is.EqualTo(1), "the unreadable row is gone, the good one waits for its BYEs");
    }

    [Test]
    public void WithoutAHeartbeatTheStopTimeIsTheConnectTime()
    {
        var connected = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var call = new JournalledCall
        {
            Key = "boot-7",
            BootId = "boot",
            ConnectedAt = connected,
            Cdr = new Cdr { CallId = 7, Start = connected.ToUnixTimeMilliseconds() },
            Legs = [],
        };
        var cdr = CallJournalRecovery.CdrOf(new RecoveredCall(call, null));
        Assert.That((cdr.Stop, cdr.HoldTime, cdr.EndReason, cdr.CallKey),
            Is.EqualTo((connected.ToUnixTimeMilliseconds(), 0, EndReason.SwitchRestarted, "boot-7")));
        var late = CallJournalRecovery.CdrOf(new RecoveredCall(call, connected.AddMilliseconds(1500)));
        Assert.That(late.HoldTime, Is.EqualTo(2), "hold time rounds up as for any call");
    }
}

using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Journal;
using Softswitch.Sip.Messages;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// The B2BUA's side of the live-call journal (docs/crash-recovery.md): what it journals of both dialogs at answer,
/// the key it carries to the CDR, and the BYE it sends for a journalled dialog after a restart.
/// </summary>
public class CallJournalB2buaTests : B2buaFixture
{
    private RecordingJournalStore _store = new();
    private CallJournal? _journal;

    private protected override CallJournal? CreateJournal(TimeProvider time)
    {
        _store = new RecordingJournalStore(); // one fixture instance runs every test: a store per switch
        _journal = new CallJournal(_store, time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _journal.Start();
        return _journal;
    }

    [TearDown]
    public async Task StopJournalAsync()
    {
        if (_journal is not null)
        {
            await _journal.StopAsync();
        }
        _journal?.Dispose();
    }

    private async Task<JournalledCall> AnsweredAsync()
    {
        await CallAsync();
        Feed(CalleeResponse(200, sdp: Sdp));
        await WaitForAsync(() => Transport.Responses(200, CallerAddress, SipMethod.Invite).Count == 1, "the caller's 200");
        await WaitForAsync(() => _store.Saved.Count == 1, "the journalled call");
        return _store.Saved.Single();
    }

    [Test]
    public async Task AnAnsweredCallIsJournalledWithWhatAByeOnEachLegNeeds()
    {
        var saved = await AnsweredAsync();
        var caller = saved.Legs[0];
        Assert.That((caller.SipCallId, caller.RemoteTag, caller.RemoteTarget), Is.EqualTo((CallerCallId, CallerTag, "sip:1001@198.51.100.10:5062")));
        Assert.That((caller.Transport, caller.DestinationIp, caller.DestinationPort), Is.EqualTo(("Udp", "198.51.100.10", 5062)));
        Assert.That(caller.LocalTag, Is.EqualTo(Transport.Responses(200, CallerAddress, SipMethod.Invite).Single().To.Tag));
        var callee = saved.Legs[1];
        Assert.That((callee.SipCallId, callee.RemoteTag, callee.RemoteTarget), Is.EqualTo((LegInvite.CallId, CalleeTag, "sip:1002@198.51.100.20:5071")));
        Assert.That(callee.LocalTag, Is.EqualTo(LegInvite.From.Tag));
        Assert.That((callee.DestinationIp, callee.DestinationPort), Is.EqualTo(("198.51.100.20", 5070)));
        var record = Registry.Query(new CallQuery()).Single();
        Assert.That(saved.Cdr.CallId, Is.EqualTo(record.CallId));
        Assert.That(saved.Cdr.CallKey, Is.EqualTo(saved.Key));
        Assert.That(saved.ConnectedAt, Is.EqualTo(record.ConnectTime));
    }

    [Test]
    public async Task TheCdrOfAJournalledCallCarriesItsKey()
    {
        var saved = await AnsweredAsync();
        Feed(CallerRequest(SipMethod.Bye, 3, saved.Legs[0].LocalTag));
        await WaitForAsync(() => Cdrs.Count == 1, "the CDR");
        Assert.That(Cdrs.Reader.TryRead(out var cdr), Is.True);
        Assert.That((cdr!.EndReason, cdr.CallKey), Is.EqualTo((EndReason.CallerHangup, saved.Key)));
        Assert.That(_journal!.Live, Is.Zero);
    }

    [Test]
    public async Task ARecoveredDialogGetsAByeWithAHigherCSeqOnItsRouteToItsDestination()
    {
        var saved = await AnsweredAsync();
        var callee = saved.Legs[1] with { RouteSet = ["<sip:edge.example;lr>"], LocalCSeq = 7 };
        Assert.That(Switch.SendRecoveredBye(callee), Is.True);
        var bye = Transport.Requests(SipMethod.Bye, CalleeAddress).Single();
        Assert.That(bye.CallId, Is.EqualTo(callee.SipCallId));
        Assert.That((bye.From.Tag, bye.To.Tag), Is.EqualTo((callee.LocalTag, callee.RemoteTag)));
        Assert.That(bye.CSeq.Number, Is.EqualTo(7 + Softswitch.Sip.B2bua.B2bua.RecoveredCSeqMargin + 1));
        Assert.That(bye.RequestUri.ToString(), Is.EqualTo("sip:1002@198.51.100.20:5071"));
        Assert.That(bye.Headers.Get(HeaderKind.Route), Is.EqualTo("<sip:edge.example;lr>"));
    }

    [TestCase("DestinationIp", "not-an-address")]
    [TestCase("Transport", "Carrier-Pigeon")]
    [TestCase("RemoteTarget", "<<<")]
    [TestCase("LocalUri", "")]
    public async Task ADamagedJournalledDialogSendsNothing(string field, string value)
    {
        var saved = await AnsweredAsync();
        var leg = saved.Legs[1];
        var damaged = field switch
        {
            "DestinationIp" => leg with { DestinationIp = value },
            "Transport" => leg with { Transport = value },
            "RemoteTarget" => leg with { RemoteTarget = value },
            _ => leg with { LocalUri = value },
        };
        int before = Transport.Sent().Count;
        Assert.That(Switch.SendRecoveredBye(damaged), Is.False);
        Assert.That(Transport.Sent(), Has.Count.EqualTo(before));
    }

    /// <summary>Keeps what the journal writes, in memory.</summary>
    private sealed class RecordingJournalStore : ICallJournalStore
    {
        private readonly List<JournalledCall> _saved = [];

        public IReadOnlyList<JournalledCall> Saved
        {
            get
            {
                lock (_saved)
                {
                    return [.. _saved];
                }
            }
        }

        public Task SaveAsync(IReadOnlyCollection<JournalledCall> calls, string bootId, DateTimeOffset? aliveAt, CancellationToken cancellationToken = default)
        {
            lock (_saved)
            {
                _saved.AddRange(calls);
            }
            return Task.CompletedTask;
        }

        public Task<JournalLoad> LoadAsync(string currentBootId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("not used by the B2BUA");

        public Task<int> WriteCdrsAsync(IReadOnlyList<Cdr> cdrs, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("not used by the B2BUA");

        public Task DeleteAsync(IReadOnlyList<string> keys, string currentBootId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("not used by the B2BUA");
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Overload;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Bench.Sip;

/// <summary>
/// What one server transaction costs (issue 12 item 10: "~2.5 KB per request held 32 s"): a BYE from its datagram to
/// its 200, and the same BYE shed with a stateless 503 when the table is full (sip.overload.maxServerTransactions).
/// <see cref="MeasureRetained"/> (bench mode <c>transaction-memory</c>) gives what a transaction keeps for timer J.
/// </summary>
/// <remarks>
/// The real parser, transaction layer and guard run with T1 = 1 ms on the system clock, so answered transactions leave
/// the table (timer J = 64*T1) during the run instead of piling up. The TU answers 200 at once; the transport
/// serializes each message, as the UDP channel does before its send.
/// </remarks>
[MemoryDiagnoser]
public class ServerTransactionMemoryBenchmarks : IDisposable
{
    private const string BranchMarker = "z9hG4bK0000000000";
    private static readonly IPEndPoint Peer = new(IPAddress.Parse("203.0.113.5"), 5080);

    private static readonly byte[] Template = Encoding.ASCII.GetBytes(
        $"BYE sip:1002@192.0.2.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 203.0.113.5:5080;branch={BranchMarker};rport\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:1001@192.0.2.1>;tag=caller-tag-1234\r\nTo: <sip:1002@192.0.2.1>;tag=callee-tag-5678\r\n" +
        "Call-ID: 8d0c1d1e-2f3a-4b5c-9d8e-bench@203.0.113.5\r\nCSeq: 2 BYE\r\nContact: <sip:1001@203.0.113.5:5080>\r\n" +
        "User-Agent: bench\r\nContent-Length: 0\r\n\r\n");

    /// <summary>The BYE's twin outside a dialog (no To tag): what the table cap refuses.</summary>
    private static readonly byte[] OutOfDialog = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(Template)
        .Replace("BYE sip:", "OPTIONS sip:", StringComparison.Ordinal).Replace(";tag=callee-tag-5678", "", StringComparison.Ordinal)
        .Replace("2 BYE", "2 OPTIONS", StringComparison.Ordinal));

    private static readonly int BranchOffset = Encoding.ASCII.GetString(Template).IndexOf(BranchMarker, StringComparison.Ordinal) + 7;
    private static readonly int OutOfDialogBranchOffset = Encoding.ASCII.GetString(OutOfDialog).IndexOf(BranchMarker, StringComparison.Ordinal) + 7;

    private long _branch;
    private TimerWheel _wheel = null!;
    private TimerWheel _stoppedWheel = null!;
    private SipTransactionLayer _answered = null!;
    private SipTransactionLayer _full = null!;

    [GlobalSetup]
    public void Setup()
    {
        _wheel = new TimerWheel(TimeProvider.System);
        var timers = new SipTimerOptions { T1 = TimeSpan.FromMilliseconds(1), T2 = TimeSpan.FromMilliseconds(8) };
        _answered = new SipTransactionLayer(new SerializingTransport(), new AnsweringUser(), _wheel, timers);
        // A table at its cap: 1,000 answered BYEs held on a wheel that never fires.
        _stoppedWheel = new TimerWheel(TimeProvider.System, startHeartbeat: false);
        _full = new SipTransactionLayer(new SerializingTransport(), new AnsweringUser(), _stoppedWheel, timers)
        {
            Admission = new OverloadGuard(new OverloadOptions { MaxServerTransactions = 1_000 }, TimeProvider.System, NullLogger<OverloadGuard>.Instance),
        };
        long branch = 1_000_000_000;
        while (_full.ServerCount < 1_000)
        {
            _full.HandleIncoming(Next(ref branch));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _wheel?.Dispose();
            _stoppedWheel?.Dispose();
        }
    }

    /// <summary>A BYE answered 200: parse, new transaction, answer, serialize; the transaction then waits for timer J.</summary>
    [Benchmark(Baseline = true)]
    public void AnsweredBye() => _answered.HandleIncoming(Next(ref _branch));

    /// <summary>The same request outside a dialog (an OPTIONS) with the table full: parse, guard, stateless 503, serialize.</summary>
    [Benchmark]
    public void ShedRequest() => _full.HandleIncoming(Next(ref _branch, OutOfDialog, OutOfDialogBranchOffset));

    /// <summary>
    /// Bytes a held server transaction keeps alive while it waits for timer J (request, response, transaction, timer
    /// entry, table node): <paramref name="count"/> BYEs answered on a wheel that never fires, the managed heap
    /// measured after a full collection before and after.
    /// </summary>
    public static int MeasureRetained(int count)
    {
        var wheel = new TimerWheel(TimeProvider.System, startHeartbeat: false);
        var layer = new SipTransactionLayer(new SerializingTransport(), new AnsweringUser(), wheel);
        long branch = 1_000_000;
        // Warm up the table, the wheel and the JIT so their one-time growth is not counted.
        for (int i = 0; i < 1_000; i++)
        {
            layer.HandleIncoming(Next(ref branch));
        }
        long before = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 0; i < count; i++)
        {
            layer.HandleIncoming(Next(ref branch)); // from its datagram on: everything the transaction keeps is counted
        }
        long after = GC.GetTotalMemory(forceFullCollection: true);
        int held = layer.ServerCount - 1_000;
        Console.WriteLine($"{held} server transactions held for timer J: {(after - before) / (double)held:F0} bytes each " +
            $"(request parsed from a {Template.Length}-byte datagram, answered 200)");
        GC.KeepAlive(layer);
        wheel.Dispose();
        return 0;
    }

    private static SipRequest Next(ref long branch) => Next(ref branch, Template, BranchOffset);

    private static SipRequest Next(ref long branch, byte[] template, int branchOffset)
    {
        byte[] datagram = template.ToArray();
        // A new branch each time: the same one would be a retransmission, absorbed by its transaction.
        Encoding.ASCII.GetBytes((++branch % 10_000_000_000).ToString("D10", CultureInfo.InvariantCulture), datagram.AsSpan(branchOffset, 10));
        var request = (SipRequest)SipParser.Parse(datagram, SipParserLimits.Default).Message!;
        request.Source = new SipEndPoint(SipTransportKind.Udp, Peer);
        ReceivedStamp.Apply(request, Peer);
        return request;
    }

    private sealed class AnsweringUser : ISipTransactionUser
    {
        public void OnRequest(ServerTransaction transaction, SipRequest request) =>
            transaction.SendResponse(SipResponseFactory.Create(request, 200));

        public void OnAck(SipRequest ack, InviteServerTransaction? transaction)
        {
        }

        public void OnStrayResponse(SipResponse response)
        {
        }

        public void OnTimeout(ServerTransaction transaction)
        {
        }

        public void OnTransportError(ServerTransaction transaction, Exception error)
        {
        }

        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
        }

        public void OnTimeout(ClientTransaction transaction)
        {
        }

        public void OnTransportError(ClientTransaction transaction, Exception error)
        {
        }
    }
}

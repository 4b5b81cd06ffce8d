using System.Buffers;
using System.Text.Json;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Tests.Sip.Parsing;

/// <summary>
/// Allocation budgets of the parser's hot operations (Garnet-style): each operation runs in-process, its managed
/// allocations on this thread are averaged over many iterations after a warm-up, and the figure is compared with
/// the committed budget in <c>Data/allocations.json</c>. Bytes, not time: allocation counts are deterministic on
/// a given runtime. To update a budget after a deliberate change, put the measured figure the failure prints into
/// the file (docs/performance.md, "Allocation budgets").
/// </summary>
public sealed class SipParserAllocationTests
{
    private const int WarmUp = 200;
    private const int Iterations = 2_000;

    private static readonly byte[] InviteBytes = Corpus.Invite();
    private static readonly byte[] OkBytes = Corpus.Ok();
    private static readonly byte[] RegisterBytes = Corpus.Register();
    private static readonly ArrayBufferWriter<byte> Writer = new(4096);

    private static readonly Lazy<SipMessage> ParsedInvite = new(() => Parse(InviteBytes));

    /// <summary>The operations, by the name they have in the budget file (and in SipParserBenchmarks).</summary>
    private static readonly Dictionary<string, Func<int>> Operations = new()
    {
        ["ParseInvite"] = () => Parse(InviteBytes).Headers.Count,
        ["ParseOk"] = () => Parse(OkBytes).Headers.Count,
        ["ParseRegister"] = () => Parse(RegisterBytes).Headers.Count,
        // What the transaction layer reads first on a request: top Via branch, Call-ID, CSeq.
        ["ParseInviteAndReadKeys"] = () =>
        {
            SipMessage m = Parse(InviteBytes);
            return m.TopVia.Branch!.Length + m.CallId.Length + (int)m.CSeq.Number;
        },
        // What it reads on a response to match its client transaction: branch and CSeq (RFC 3261 §17.1.3).
        ["ParseOkAndReadKeys"] = () =>
        {
            SipMessage m = Parse(OkBytes);
            return m.TopVia.Branch!.Length + (int)m.CSeq.Method;
        },
        ["SerializeInvite"] = () =>
        {
            Writer.ResetWrittenCount();
            SipSerializer.Write(ParsedInvite.Value, Writer);
            return Writer.WrittenCount;
        },
        ["FrameInvite"] = () => (int)SipParser.TryFrame(InviteBytes, SipParserLimits.Default, out _, out _, out _),
    };

    public static IEnumerable<TestCaseData> Budgets()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "allocations.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (JsonProperty p in doc.RootElement.GetProperty("maxBytesPerOperation").EnumerateObject())
        {
            yield return new TestCaseData(p.Name, p.Value.GetInt64()).SetName($"AllocationBudget({p.Name})");
        }
    }

    [Test]
    public void EveryOperationHasABudget()
    {
        var budgeted = Budgets().Select(c => (string)c.Arguments[0]!).ToHashSet();
        Assert.That(budgeted, Is.EquivalentTo(Operations.Keys));
    }

    [TestCaseSource(nameof(Budgets))]
    public void OperationStaysWithinItsAllocationBudget(string operation, long maxBytes)
    {
        Assert.That(Operations.TryGetValue(operation, out Func<int>? run), Is.True, $"unknown operation {operation} in allocations.json");
        long measured = Measure(run!);
        TestContext.Out.WriteLine($"\"{operation}\": {measured}");
        Assert.That(measured, Is.LessThanOrEqualTo(maxBytes),
            $"{operation} allocates {measured} B per call, over its budget of {maxBytes} B in Data/allocations.json");
    }

    [Test]
    public void MeasurementSeesAnAllocation()
    {
        // The guard itself must be able to fail: a known 1,000-byte array per call is counted.
        Assert.That(Measure(() => new byte[1000].Length), Is.InRange(1000, 1100));
    }

    private static long Measure(Func<int> run)
    {
        for (int i = 0; i < WarmUp; i++)
        {
            _ = run();
        }
        // The least of three runs: a one-off allocation by the runtime on this thread (tiered JIT, a thread-static
        // first touched) during the full suite is not a per-call cost.
        long least = long.MaxValue;
        for (int run3 = 0; run3 < 3; run3++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Iterations; i++)
            {
                _ = run();
            }
            least = Math.Min(least, (GC.GetAllocatedBytesForCurrentThread() - before) / Iterations);
        }
        return least;
    }

    private static SipMessage Parse(byte[] bytes) =>
        SipParser.Parse(bytes, SipParserLimits.Default).Message ?? throw new InvalidOperationException("corpus message does not parse");
}

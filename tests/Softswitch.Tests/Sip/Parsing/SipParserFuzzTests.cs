using System.Diagnostics;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Tests.Sip.Parsing;

/// <summary>
/// Mutation tests with a fixed seed: whatever the bytes, Parse returns (never throws, never hangs), and a message
/// it accepts has working typed accessors. Counts are sized so the fixture runs in a few seconds on 2 cores.
/// </summary>
public sealed class SipParserFuzzTests
{
    private const int MutationsPerMessage = 1500;

    private static readonly SipParserLimits Limits = SipParserLimits.Default;

    public static IEnumerable<TestCaseData> Messages() => Corpus.ValidMessages();

    [TestCaseSource(nameof(Messages))]
    public void RandomMutationsNeverThrow(byte[] original)
    {
        var random = new Random(4475);
        var watch = Stopwatch.StartNew();
        int accepted = 0;
        for (int i = 0; i < MutationsPerMessage; i++)
        {
            byte[] mutated = Mutate(original, random);
            accepted += ParseAndTouch(mutated) ? 1 : 0;
        }
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "parsing must stay linear in the input");
        // Some mutants must get through, or the accessor checks in ParseAndTouch would prove nothing.
        Assert.That(accepted, Is.InRange(1, MutationsPerMessage - 1));
        TestContext.Out.WriteLine($"{accepted} of {MutationsPerMessage} mutants accepted");
    }

    [TestCaseSource(nameof(Messages))]
    public void EveryPrefixIsHandled(byte[] original)
    {
        for (int n = 0; n <= original.Length; n++)
        {
            ParseAndTouch(original.AsMemory(0, n));
        }
    }

    public static IEnumerable<TestCaseData> InvalidMessages() =>
        Corpus.Names("invalid").Select(n => new TestCaseData(Corpus.Read("invalid", n)).SetArgDisplayNames(n));

    /// <summary>The invalid corpus, whose shapes differ from the valid one: every prefix, then random mutations.</summary>
    [TestCaseSource(nameof(InvalidMessages))]
    public void EveryInvalidTortureMessageTruncatedOrFlippedIsHandled(byte[] invalid)
    {
        for (int n = 0; n <= invalid.Length; n++)
        {
            ParseAndTouch(invalid.AsMemory(0, n));
        }
        var random = new Random(18);
        for (int i = 0; i < MutationsPerMessage / 5; i++)
        {
            ParseAndTouch(Mutate(invalid, random));
        }
    }

    [Test]
    public void GiantInputsAreRefusedWithoutWork()
    {
        byte[] huge = new byte[Limits.MaxMessageSize + 1];
        huge.AsSpan().Fill((byte)'A');
        var longLine = Corpus.Crlf("OPTIONS sip:a@b SIP/2.0\nX: " + new string('x', Limits.MaxLineLength + 10) + "\n\n");
        var manyHeaders = Corpus.Crlf("OPTIONS sip:a@b SIP/2.0\n" + string.Concat(Enumerable.Repeat("X: y\n", Limits.MaxHeaderCount + 1)) + "\n");
        var manyVias = Corpus.Crlf("OPTIONS sip:a@b SIP/2.0\nVia: " +
            string.Join(",", Enumerable.Repeat("SIP/2.0/UDP h", Limits.MaxHeaderCount + 1)) + "\n\n");

        Assert.Multiple(() =>
        {
            Assert.That(SipParser.Parse(huge, Limits).Error, Is.EqualTo(SipParseError.MessageTooLarge));
            Assert.That(SipParser.Parse(longLine, Limits).Error, Is.EqualTo(SipParseError.LineTooLong));
            Assert.That(SipParser.Parse(manyHeaders, Limits).Error, Is.EqualTo(SipParseError.TooManyHeaders));
            Assert.That(SipParser.Parse(manyVias, Limits).Error, Is.EqualTo(SipParseError.TooManyHeaders));
        });
    }

    /// <summary>Parses; for an accepted message, exercises the typed accessors and a serialize/re-parse. True if accepted.</summary>
    private static bool ParseAndTouch(ReadOnlyMemory<byte> data)
    {
        SipParseResult result;
        try
        {
            result = SipParser.Parse(data, Limits);
        }
        catch (Exception e)
        {
            Assert.Fail($"Parse threw {e.GetType().Name}: {e.Message}\n{Convert.ToHexString(data.Span)}");
            return false;
        }
        if (result.Message is not SipMessage m)
        {
            Assert.That(result.Error, Is.Not.EqualTo(SipParseError.None));
            return false;
        }
        try
        {
            // The contract of a successful Parse: the accessors the engine relies on do not throw.
            _ = m.TopVia.Branch;
            _ = m.From.Tag;
            _ = m.To.Tag;
            _ = m.CSeq.Number;
            _ = m.CallId;
            _ = m.Expires;
            if (m is SipRequest request)
            {
                _ = request.RequestUri.Host;
            }
            foreach (string contact in m.Headers.GetAll(HeaderKind.Contact))
            {
                _ = NameAddress.Parse(contact);
            }
            foreach (string via in m.Headers.GetAll(HeaderKind.Via))
            {
                _ = SipVia.Parse(via);
            }
            byte[] wire = SipSerializer.ToBytes(m);
            var again = SipParser.Parse(wire, Limits);
            Assert.That(again.Error, Is.EqualTo(SipParseError.None), () => $"re-parse: {again.Detail}\n{Convert.ToHexString(data.Span)}");
        }
        catch (SipFormatException e)
        {
            Assert.Fail($"accepted message has a broken accessor: {e.Message}\n{Convert.ToHexString(data.Span)}");
        }
        return true;
    }

    private static readonly byte[][] Insertions =
    [
        "\r"u8.ToArray(), "\n"u8.ToArray(), "\0"u8.ToArray(), [0xFF], "\r\n"u8.ToArray(), "\r\n "u8.ToArray(),
        ","u8.ToArray(), ";"u8.ToArray(), "\""u8.ToArray(), "<"u8.ToArray(), ">"u8.ToArray(), ":"u8.ToArray(),
        "\\"u8.ToArray(), "["u8.ToArray(), "@"u8.ToArray(), " "u8.ToArray(), "%"u8.ToArray(), "?"u8.ToArray(),
    ];

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int rounds = 1 + random.Next(4);
        for (int r = 0; r < rounds && bytes.Count > 0; r++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: // flip one bit
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // random byte
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 3: // insert a structural byte
                    bytes.InsertRange(at, Insertions[random.Next(Insertions.Length)]);
                    break;
                case 4: // duplicate a header line
                    DuplicateLine(bytes, at);
                    break;
                case 5: // giant run
                    bytes.InsertRange(at, Enumerable.Repeat((byte)"a;,<\" "[random.Next(6)], random.Next(100, 9000)));
                    break;
                default: // delete a few bytes
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(8)));
                    break;
            }
        }
        return bytes.ToArray();
    }

    private static void DuplicateLine(List<byte> bytes, int at)
    {
        int start = bytes.LastIndexOf((byte)'\n', at) + 1;
        int end = bytes.IndexOf((byte)'\n', at);
        if (end < 0)
        {
            return;
        }
        bytes.InsertRange(end + 1, bytes.GetRange(start, end + 1 - start));
    }
}

using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Tests.Sip.Parsing;

/// <summary>TryFrame: stream framing by Content-Length (RFC 3261 §18.3), keep-alives, limits.</summary>
public sealed class SipParserFramingTests
{
    private static readonly SipParserLimits Limits = SipParserLimits.Default;

    public static IEnumerable<TestCaseData> Framed() =>
        Corpus.ValidMessages().Where(c => IsOneStreamMessage((byte[])c.Arguments[0]!));

    [TestCaseSource(nameof(Framed))]
    public void EveryPrefixNeedsMoreDataUntilComplete(byte[] message)
    {
        for (int n = 0; n < message.Length; n++)
        {
            var status = SipParser.TryFrame(message.AsSpan(0, n), Limits, out _, out int length, out var error);
            Assert.That(status, Is.EqualTo(SipFrameStatus.NeedMoreData), $"prefix of {n} bytes ({error})");
            Assert.That(length, Is.Zero);
        }
        Assert.That(SipParser.TryFrame(message, Limits, out int skip, out int full, out _), Is.EqualTo(SipFrameStatus.Complete));
        Assert.That((skip, full), Is.EqualTo((0, message.Length)));
    }

    [Test]
    public void TwoMessagesInOneReadAreFramedOneByOne()
    {
        byte[] invite = Corpus.Invite();
        byte[] ok = Corpus.Ok();
        byte[] stream = [.. "\r\n\r\n"u8, .. invite, .. "\r\n"u8, .. ok, .. ok.AsSpan(0, 10)];

        Assert.That(SipParser.TryFrame(stream, Limits, out int skip, out int length, out _), Is.EqualTo(SipFrameStatus.Complete));
        Assert.That((skip, length), Is.EqualTo((4, invite.Length)));
        var first = SipParser.Parse(stream.AsMemory(skip, length), Limits);
        Assert.That(first.Error, Is.EqualTo(SipParseError.None));

        ReadOnlySpan<byte> rest = stream.AsSpan(skip + length);
        Assert.That(SipParser.TryFrame(rest, Limits, out skip, out length, out _), Is.EqualTo(SipFrameStatus.Complete));
        Assert.That((skip, length), Is.EqualTo((2, ok.Length)));

        rest = rest[(skip + length)..];
        Assert.That(SipParser.TryFrame(rest, Limits, out _, out _, out _), Is.EqualTo(SipFrameStatus.NeedMoreData));
    }

    [Test]
    public void KeepAlivesAloneAreSkipped()
    {
        Assert.That(SipParser.TryFrame("\r\n\r\n"u8, Limits, out int skip, out int length, out _), Is.EqualTo(SipFrameStatus.NeedMoreData));
        Assert.That((skip, length), Is.EqualTo((4, 0)));
    }

    [TestCase("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h\r\n\r\n", SipParseError.MissingHeader)]
    [TestCase("OPTIONS sip:a@b SIP/2.0\r\nl: x\r\n\r\n", SipParseError.BadContentLength)]
    [TestCase("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 1\r\nl: 1\r\n\r\n", SipParseError.BadContentLength)]
    [TestCase("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 99999999999\r\n\r\n", SipParseError.BadContentLength)]
    [TestCase("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 70000\r\n\r\n", SipParseError.MessageTooLarge)]
    public void BadHeaderBlocksAreInvalid(string text, SipParseError expected)
    {
        var status = SipParser.TryFrame(System.Text.Encoding.ASCII.GetBytes(text), Limits, out _, out _, out var error);

        Assert.That(status, Is.EqualTo(SipFrameStatus.Invalid));
        Assert.That(error, Is.EqualTo(expected));
    }

    [Test]
    public void FoldedAndCompactContentLengthIsRead()
    {
        byte[] data = Corpus.Crlf("OPTIONS sip:a@b SIP/2.0\nCONTENT-LENGTH :\n  3\n\nabcdef");

        Assert.That(SipParser.TryFrame(data, Limits, out _, out int length, out _), Is.EqualTo(SipFrameStatus.Complete));
        Assert.That(length, Is.EqualTo(data.Length - 3));
    }

    [Test]
    public void EndlessHeaderBlockIsRefusedAtTheLimits()
    {
        byte[] noEnd = new byte[Limits.MaxMessageSize + 10];
        noEnd.AsSpan().Fill((byte)'a');
        byte[] longLine = new byte[Limits.MaxLineLength + 10];
        longLine.AsSpan().Fill((byte)'a');

        Assert.That(SipParser.TryFrame(noEnd, Limits, out _, out _, out var e1), Is.EqualTo(SipFrameStatus.Invalid));
        Assert.That(e1, Is.EqualTo(SipParseError.MessageTooLarge));
        Assert.That(SipParser.TryFrame(longLine, Limits, out _, out _, out var e2), Is.EqualTo(SipFrameStatus.Invalid));
        Assert.That(e2, Is.EqualTo(SipParseError.LineTooLong));
    }

    // Messages with a Content-Length that covers the whole buffer (dblreq holds two messages).
    private static bool IsOneStreamMessage(byte[] message) =>
        SipParser.TryFrame(message, Limits, out _, out int length, out _) == SipFrameStatus.Complete && length == message.Length;
}

using System.Buffers.Binary;
using Softswitch.Core.Ivr;

namespace Softswitch.Tests.Core.Ivr;

/// <summary>The §3.78 audio format (001_… §3.78): PCM 8000 Hz, 16-bit, mono WAV, sent as hex.</summary>
public class PcmWavTests
{
    private static byte[] Good(int samples = 80) => PcmWav.Create(Enumerable.Range(0, samples).Select(i => (short)(i * 100)).ToArray());

    /// <summary>A copy of a good file with a 16-bit field of the fmt chunk (offset from the file start) changed.</summary>
    private static byte[] WithFormatField(int offset, ushort value)
    {
        var wav = Good();
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(offset), value);
        return wav;
    }

    private static byte[] WithSampleRate(uint rate)
    {
        var wav = Good();
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(24), rate);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(28), rate * 2);
        return wav;
    }

    private static IEnumerable<TestCaseData> BadFiles()
    {
        yield return new TestCaseData(WithSampleRate(16000), "sample rate 16000").SetName("WrongSampleRate");
        var stereo = WithFormatField(22, 2);
        BinaryPrimitives.WriteUInt16LittleEndian(stereo.AsSpan(32), 4);
        yield return new TestCaseData(stereo, "2 channels").SetName("Stereo");
        var eightBit = WithFormatField(34, 8);
        BinaryPrimitives.WriteUInt16LittleEndian(eightBit.AsSpan(32), 1);
        yield return new TestCaseData(eightBit, "8 bits per sample").SetName("EightBit");
        yield return new TestCaseData(WithFormatField(20, 3), "not PCM").SetName("FloatFormat");
        yield return new TestCaseData(WithFormatField(32, 4), "block align").SetName("InconsistentBlockAlign");
        yield return new TestCaseData(Good()[..60], "truncated").SetName("Truncated");
        var dataTooLong = Good();
        BinaryPrimitives.WriteUInt32LittleEndian(dataTooLong.AsSpan(40), 1000);
        yield return new TestCaseData(dataTooLong, "'data' chunk declares 1000 bytes").SetName("DataLengthInconsistent");
        var padded = Good().Concat(new byte[4]).ToArray();
        yield return new TestCaseData(padded, "file has").SetName("TrailingBytes");
        yield return new TestCaseData(PcmWav.Create([]), "no samples").SetName("NoSamples");
        yield return new TestCaseData("OggS0000000000000000"u8.ToArray(), "not a RIFF/WAVE").SetName("NotRiff");
        yield return new TestCaseData(Good()[..36].Select((b, i) => i == 4 ? (byte)28 : b).ToArray(), "no data chunk").SetName("NoDataChunk");
    }

    [Test]
    public void AGoodFileIsAcceptedAndRoundTripsThroughHex()
    {
        var wav = Good();
        string hex = Convert.ToHexString(wav);

        var decoded = PcmWav.DecodeHex(hex.ToLowerInvariant(), out string? reason);

        Assert.That(reason, Is.Null);
        Assert.That(decoded, Is.EqualTo(wav));
        Assert.That(PcmWav.Validate(decoded), Is.Null);
        Assert.That(wav, Has.Length.EqualTo(44 + 160));
    }

    [Test]
    public void ChunksOtherThanFmtAndDataAreSkipped()
    {
        var good = Good(4);
        byte[] list = [.. "LIST"u8, 3, 0, 0, 0, 1, 2, 3, 0];
        var wav = good[..36].Concat(list).Concat(good[36..]).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), (uint)(wav.Length - 8));

        Assert.That(PcmWav.Validate(wav), Is.Null);
    }

    [TestCaseSource(nameof(BadFiles))]
    public void ABadFileIsRefusedWithItsReason(byte[] wav, string reason) =>
        Assert.That(PcmWav.Validate(wav), Does.Contain(reason));

    [TestCase("52494", "odd number")]
    [TestCase("5249XX46", "character 'X' at position 4")]
    [TestCase("52 49", "character ' ' at position 2")]
    public void NonHexIsRefusedWithThePosition(string hex, string reason)
    {
        Assert.That(PcmWav.DecodeHex(hex, out string? why), Is.Null);
        Assert.That(why, Does.Contain(reason));
    }
}

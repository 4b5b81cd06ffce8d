using System.Buffers.Binary;

namespace Softswitch.Core.Ivr;

/// <summary>
/// The one audio format IVR prompts take (001_… §3.78): "PCM_SIGNED 8000.0 Hz, 16 bit, mono, 2 bytes/frame,
/// little-endian", in a RIFF/WAVE file sent as hex text. Decoding and validation return the precise reason a file
/// is refused; nothing here throws on bad input.
/// </summary>
public static class PcmWav
{
    public const int SampleRate = 8000;
    public const int BitsPerSample = 16;
    public const int Channels = 1;
    private const ushort PcmFormat = 1;

    /// <summary>Hex text ("52494646…", either case, no separators) to bytes; null with a reason when it is not hex.</summary>
    public static byte[]? DecodeHex(string hex, out string? reason)
    {
        for (int i = 0; i < hex.Length; i++)
        {
            if (!char.IsAsciiHexDigit(hex[i]))
            {
                reason = $"data is not hexadecimal: character '{hex[i]}' at position {i}.";
                return null;
            }
        }
        if (hex.Length % 2 != 0)
        {
            reason = $"data holds {hex.Length} hex digits, an odd number; each byte is two digits.";
            return null;
        }
        reason = null;
        return Convert.FromHexString(hex);
    }

    /// <summary>
    /// Checks the RIFF/WAVE structure: the RIFF size matches the file, a fmt chunk of PCM (format 1), mono,
    /// 8000 Hz, 16 bits (byte rate 16000, block align 2) precedes a data chunk that fits in the file and holds a
    /// whole, non-zero number of frames. Other chunks (LIST, fact…) are skipped. Null when the file is good.
    /// </summary>
    public static string? Validate(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            return "not a RIFF/WAVE file: it must start with 'RIFF', a size, then 'WAVE'.";
        }
        long riffSize = BinaryPrimitives.ReadUInt32LittleEndian(wav[4..]);
        if (riffSize + 8 > wav.Length)
        {
            return $"truncated: the RIFF header declares {riffSize + 8} bytes, the file has {wav.Length}.";
        }
        if (riffSize + 8 < wav.Length)
        {
            return $"the RIFF header declares {riffSize + 8} bytes, but the file has {wav.Length}.";
        }
        bool haveFormat = false;
        int offset = 12;
        while (offset + 8 <= wav.Length)
        {
            var id = wav.Slice(offset, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(wav[(offset + 4)..]);
            int body = offset + 8;
            if (body + size > wav.Length)
            {
                return $"truncated: the '{System.Text.Encoding.ASCII.GetString(id)}' chunk declares {size} bytes, {wav.Length - body} remain.";
            }
            if (id.SequenceEqual("fmt "u8))
            {
                if (CheckFormat(wav.Slice(body, (int)size)) is { } bad)
                {
                    return bad;
                }
                haveFormat = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!haveFormat)
                {
                    return "the data chunk comes before any fmt chunk.";
                }
                if (size == 0)
                {
                    return "the data chunk holds no samples.";
                }
                return size % 2 != 0 ? $"the data chunk holds {size} bytes, not a whole number of 2-byte frames." : null;
            }
            // Chunks are padded to an even length (RIFF).
            offset = (int)(body + size + (size & 1));
        }
        return haveFormat ? "no data chunk." : "no fmt chunk.";
    }

    /// <summary>A 16-bit mono 8 kHz PCM file around <paramref name="samples"/> (used by tests and the demo).</summary>
    public static byte[] Create(ReadOnlySpan<short> samples)
    {
        var wav = new byte[44 + samples.Length * 2];
        var s = wav.AsSpan();
        "RIFF"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], (uint)(wav.Length - 8));
        "WAVEfmt "u8.CopyTo(s[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(s[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(s[20..], PcmFormat);
        BinaryPrimitives.WriteUInt16LittleEndian(s[22..], Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(s[24..], SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(s[28..], SampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(s[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(s[34..], BitsPerSample);
        "data"u8.CopyTo(s[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(s[40..], (uint)(samples.Length * 2));
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(s[(44 + i * 2)..], samples[i]);
        }
        return wav;
    }

    private static string? CheckFormat(ReadOnlySpan<byte> fmt)
    {
        if (fmt.Length < 16)
        {
            return $"the fmt chunk is {fmt.Length} bytes, shorter than the 16 PCM needs.";
        }
        ushort format = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        ushort channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        uint byteRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[8..]);
        ushort blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        ushort bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (format != PcmFormat)
        {
            return $"audio format {format} is not PCM (1).";
        }
        if (channels != Channels)
        {
            return $"{channels} channels; the audio must be mono (1 channel).";
        }
        if (rate != SampleRate)
        {
            return $"sample rate {rate} Hz; the audio must be {SampleRate} Hz.";
        }
        if (bits != BitsPerSample)
        {
            return $"{bits} bits per sample; the audio must be {BitsPerSample}-bit.";
        }
        if (blockAlign != 2 || byteRate != SampleRate * 2)
        {
            return $"block align {blockAlign} and byte rate {byteRate} are inconsistent with 16-bit mono 8000 Hz (2 and 16000).";
        }
        return null;
    }
}

using NAudio.Codecs;
using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace Softswitch.Sip.Media;

/// <summary>
/// A prompt ready to play: 8000 Hz mono 16-bit samples, padded with silence to whole 20 ms frames of
/// <see cref="FrameSamples"/>. Loaded once from a WAV (an uploaded IVR audio, 001_… §3.78, or a shipped file) and
/// shared by every call that plays it; each frame is G.711-encoded on the tick that sends it, so one load serves
/// PCMU and PCMA legs alike. NAudio reads the WAV, mixes stereo down and resamples (WDL); a file it cannot read or
/// a format it does not convert is refused with the reason, never played as silence.
/// </summary>
public sealed class PromptAudio
{
    public const int SampleRate = 8000;

    /// <summary>20 ms at 8000 Hz: one G.711 frame is this many bytes, and the RTP timestamp steps by it.</summary>
    public const int FrameSamples = 160;

    /// <summary>Longest prompt taken (10 minutes): what a load may allocate stays bounded whatever the file claims.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    private readonly short[] _samples;

    private PromptAudio(string name, short[] samples)
    {
        Name = name;
        _samples = samples;
    }

    public string Name { get; }

    public int FrameCount => _samples.Length / FrameSamples;

    /// <summary>The 8 kHz samples, silence-padded to whole frames.</summary>
    public ReadOnlySpan<short> Samples => _samples;

    /// <summary>Encodes frame <paramref name="index"/> into the first 160 bytes of <paramref name="destination"/>.</summary>
    public void EncodeFrame(int index, RtpPayloadType codec, Span<byte> destination)
    {
        ReadOnlySpan<short> frame = _samples.AsSpan(index * FrameSamples, FrameSamples);
        destination = destination[..FrameSamples];
        if (codec == RtpPayloadType.Pcmu)
        {
            for (int i = 0; i < frame.Length; i++)
            {
                destination[i] = MuLawEncoder.LinearToMuLawSample(frame[i]);
            }
        }
        else
        {
            for (int i = 0; i < frame.Length; i++)
            {
                destination[i] = ALawEncoder.LinearToALawSample(frame[i]);
            }
        }
    }

    /// <summary>A WAV file on disk; a missing or unreadable file is refused with its path named.</summary>
    public static PromptAudio? TryLoadFile(string path, out string? error)
    {
        byte[] wav;
        try
        {
            wav = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error = $"prompt file '{path}' not found.";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"prompt file '{path}' cannot be read: {e.Message}";
            return null;
        }
        return TryLoad(Path.GetFileName(path), wav, out error);
    }

    /// <summary>
    /// Decodes <paramref name="wav"/>: PCM of 8, 16, 24 or 32 bits or 32-bit IEEE float, mono or stereo, at any
    /// rate (resampled to 8000 Hz). Null with the reason, naming <paramref name="name"/>, for anything else.
    /// </summary>
    public static PromptAudio? TryLoad(string name, byte[]? wav, out string? error)
    {
        if (wav is null || wav.Length == 0)
        {
            error = $"prompt '{name}' has no data.";
            return null;
        }
        try
        {
            using var reader = new WaveFileReader(new MemoryStream(wav, writable: false));
            if (CheckFormat(reader.WaveFormat) is { } unsupported)
            {
                error = $"prompt '{name}': {unsupported}";
                return null;
            }
            if (reader.TotalTime > MaxDuration)
            {
                error = $"prompt '{name}' lasts {reader.TotalTime.TotalSeconds:0} s, more than the {MaxDuration.TotalSeconds:0} s a prompt may.";
                return null;
            }
            short[] samples = ReadAll(reader);
            if (samples.Length == 0)
            {
                error = $"prompt '{name}' holds no samples.";
                return null;
            }
            error = null;
            return new PromptAudio(name, samples);
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or InvalidDataException or ArgumentException)
        {
            // NAudio's reader throws FormatException for a non-RIFF/WAVE file and EndOfStream for a cut one.
            error = $"prompt '{name}' is not a readable WAV file: {e.Message}";
            return null;
        }
    }

    private static string? CheckFormat(WaveFormat format)
    {
        bool pcm = format.Encoding == WaveFormatEncoding.Pcm && format.BitsPerSample is 8 or 16 or 24 or 32;
        bool ieee = format.Encoding == WaveFormatEncoding.IeeeFloat && format.BitsPerSample == 32;
        if (!pcm && !ieee)
        {
            return $"unsupported audio encoding {format.Encoding} ({format.BitsPerSample}-bit); PCM (8/16/24/32-bit) or 32-bit float is required.";
        }
        if (format.Channels is not (1 or 2))
        {
            return $"{format.Channels} channels; mono or stereo is required.";
        }
        if (format.SampleRate is < 4000 or > 192_000)
        {
            return $"sample rate {format.SampleRate} Hz is outside 4000-192000 Hz.";
        }
        return null;
    }

    private static short[] ReadAll(WaveFileReader reader)
    {
        ISampleProvider source = reader.ToSampleProvider();
        if (source.WaveFormat.Channels == 2)
        {
            source = source.ToMono();
        }
        if (source.WaveFormat.SampleRate != SampleRate)
        {
            source = new WdlResamplingSampleProvider(source, SampleRate);
        }
        // Upper bound from the header: the resampler may yield a few samples more or fewer than the exact ratio.
        long expected = (long)Math.Ceiling(reader.TotalTime.TotalSeconds * SampleRate) + 2 * FrameSamples;
        var output = new List<short>((int)Math.Min(expected, MaxDuration.TotalSeconds * SampleRate));
        var block = new float[1024];
        int read;
        while ((read = source.Read(block)) > 0)
        {
            for (int i = 0; i < read; i++)
            {
                output.Add((short)Math.Clamp(MathF.Round(block[i] * 32767f), short.MinValue, short.MaxValue));
            }
        }
        int padded = (output.Count + FrameSamples - 1) / FrameSamples * FrameSamples;
        var samples = new short[padded];
        output.CopyTo(samples);
        return samples;
    }
}

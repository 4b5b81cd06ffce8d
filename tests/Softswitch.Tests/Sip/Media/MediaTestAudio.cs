using NAudio.Codecs;
using NAudio.Wave;
using Softswitch.Core.Ivr;
using Softswitch.Sip.Media;

namespace Softswitch.Tests.Sip.Media;

/// <summary>WAV files of a sine tone in any format NAudio writes, and the checks that find the tone again.</summary>
internal static class MediaTestAudio
{
    /// <summary>A sine of <paramref name="hz"/> at half scale, the same in every channel.</summary>
    public static byte[] ToneWav(double hz, TimeSpan duration, int sampleRate = 8000, int channels = 1)
    {
        var stream = new MemoryStream();
        using (var writer = new WaveFileWriter(stream, new WaveFormat(sampleRate, 16, channels)))
        {
            int samples = (int)(duration.TotalSeconds * sampleRate);
            for (int i = 0; i < samples; i++)
            {
                float value = (float)(0.5 * Math.Sin(2 * Math.PI * hz * i / sampleRate));
                for (int c = 0; c < channels; c++)
                {
                    writer.WriteSample(value);
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>A prompt of <paramref name="frames"/> whole frames at a constant <paramref name="level"/>.</summary>
    public static PromptAudio Constant(int frames, short level = 1000) =>
        PromptAudio.TryLoad("constant", PcmWav.Create(Enumerable.Repeat(level, frames * PromptAudio.FrameSamples).ToArray()), out _)!;

    /// <summary>G.711 bytes back to linear samples with NAudio's decoders.</summary>
    public static short[] Decode(ReadOnlySpan<byte> encoded, RtpPayloadType codec)
    {
        var samples = new short[encoded.Length];
        if (codec == RtpPayloadType.Pcmu)
        {
            MuLawDecoder.Decode(encoded, samples);
        }
        else
        {
            ALawDecoder.Decode(encoded, samples);
        }
        return samples;
    }

    /// <summary>Every frame of the prompt, encoded as the player does it.</summary>
    public static byte[] EncodeAll(PromptAudio prompt, RtpPayloadType codec)
    {
        var encoded = new byte[prompt.FrameCount * PromptAudio.FrameSamples];
        for (int i = 0; i < prompt.FrameCount; i++)
        {
            prompt.EncodeFrame(i, codec, encoded.AsSpan(i * PromptAudio.FrameSamples));
        }
        return encoded;
    }

    /// <summary>Frequency estimated from sign changes: a sine crosses zero twice per period.</summary>
    public static double ZeroCrossingHz(ReadOnlySpan<short> samples, int sampleRate = 8000)
    {
        int crossings = 0;
        for (int i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }
        return crossings / 2.0 / (samples.Length / (double)sampleRate);
    }

    /// <summary>Goertzel power of <paramref name="hz"/>, normalised by the length.</summary>
    public static double Power(ReadOnlySpan<short> samples, double hz, int sampleRate = 8000)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * hz / sampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (short sample in samples)
        {
            double current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return power / samples.Length / samples.Length;
    }
}

using System.Buffers.Binary;
using System.Text;

namespace Softswitch.Tests.EndToEnd.Support;

/// <summary>8 kHz 16-bit mono PCM WAV files: a sine tone to send, and a check for that tone in what was received.</summary>
public static class ToneWav
{
    public const int SampleRate = 8000;

    /// <summary>Writes a sine of <paramref name="hz"/> at about a quarter of full scale.</summary>
    public static void WriteTone(string path, double hz, TimeSpan duration)
    {
        int samples = (int)(duration.TotalSeconds * SampleRate);
        byte[] file = new byte[44 + (samples * 2)];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(file, 0);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(4), file.Length - 8);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(file, 8);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(20), 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(22), 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(28), SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(34), 16);
        Encoding.ASCII.GetBytes("data").CopyTo(file, 36);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(40), samples * 2);
        for (int i = 0; i < samples; i++)
        {
            short value = (short)Math.Round(8000 * Math.Sin(2 * Math.PI * hz * i / SampleRate));
            BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(44 + (i * 2)), value);
        }
        File.WriteAllBytes(path, file);
    }

    /// <summary>
    /// The 16-bit samples of a PCM WAV file. The data chunk runs to the end of the file when its size field is
    /// zero or too large (a writer that was stopped before it finalised the header).
    /// </summary>
    public static short[] ReadSamples(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        int offset = 12;
        while (offset + 8 <= file.Length)
        {
            string id = Encoding.ASCII.GetString(file, offset, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(offset + 4));
            if (id == "data")
            {
                int available = file.Length - offset - 8;
                int length = size <= 0 || size > available ? available : size;
                var samples = new short[length / 2];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(offset + 8 + (i * 2)));
                }
                return samples;
            }
            offset += 8 + size + (size & 1);
        }
        return [];
    }

    /// <summary>
    /// Share of the signal's energy at <paramref name="hz"/> (Goertzel), 0..1: near 1 for a clean tone of that
    /// frequency, near 0 for silence, noise or another tone.
    /// </summary>
    public static double ToneShare(ReadOnlySpan<short> samples, double hz)
    {
        if (samples.Length == 0)
        {
            return 0;
        }
        double coefficient = 2 * Math.Cos(2 * Math.PI * hz / SampleRate);
        double previous = 0, beforePrevious = 0, energy = 0;
        foreach (short s in samples)
        {
            double current = s + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
            energy += (double)s * s;
        }
        if (energy == 0)
        {
            return 0;
        }
        double power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return power / (energy * samples.Length / 2);
    }
}

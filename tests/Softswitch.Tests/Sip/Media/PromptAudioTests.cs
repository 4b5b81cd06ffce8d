using NAudio.Wave;
using Softswitch.Core.Ivr;
using Softswitch.Sip.Media;

namespace Softswitch.Tests.Sip.Media;

public sealed class PromptAudioTests
{
    [TestCase(RtpPayloadType.Pcmu)]
    [TestCase(RtpPayloadType.Pcma)]
    public void An_8kHz_tone_comes_back_from_its_G711_frames_at_1kHz(RtpPayloadType codec)
    {
        byte[] wav = MediaTestAudio.ToneWav(1000, TimeSpan.FromSeconds(1));

        PromptAudio? prompt = PromptAudio.TryLoad("tone.wav", wav, out string? error);

        Assert.That(error, Is.Null);
        Assert.That(prompt!.FrameCount, Is.EqualTo(50), "1 s is 50 frames of 20 ms");
        short[] decoded = MediaTestAudio.Decode(MediaTestAudio.EncodeAll(prompt, codec), codec);
        Assert.That(MediaTestAudio.ZeroCrossingHz(decoded), Is.EqualTo(1000).Within(10));
        Assert.That(MediaTestAudio.Power(decoded, 1000), Is.GreaterThan(100 * MediaTestAudio.Power(decoded, 500)));
    }

    [Test]
    public void A_44k1_stereo_tone_is_mixed_down_and_resampled_to_8kHz()
    {
        byte[] wav = MediaTestAudio.ToneWav(1000, TimeSpan.FromSeconds(1), sampleRate: 44_100, channels: 2);

        PromptAudio? prompt = PromptAudio.TryLoad("cd.wav", wav, out string? error);

        Assert.That(error, Is.Null);
        Assert.That(prompt!.FrameCount, Is.InRange(50, 51));
        short[] decoded = MediaTestAudio.Decode(MediaTestAudio.EncodeAll(prompt, RtpPayloadType.Pcmu), RtpPayloadType.Pcmu);
        // The resampler's filter settles within the first frame; the rest must be the tone.
        ReadOnlySpan<short> steady = decoded.AsSpan(PromptAudio.FrameSamples, 40 * PromptAudio.FrameSamples);
        Assert.That(MediaTestAudio.ZeroCrossingHz(steady), Is.EqualTo(1000).Within(10));
    }

    [Test]
    public void The_last_frame_is_padded_with_silence()
    {
        short[] samples = Enumerable.Repeat((short)4000, 170).ToArray();

        PromptAudio prompt = PromptAudio.TryLoad("short.wav", PcmWav.Create(samples), out _)!;

        Assert.That(prompt.FrameCount, Is.EqualTo(2));
        Assert.That(prompt.Samples[169], Is.EqualTo(4000));
        Assert.That(prompt.Samples[170..].ToArray(), Is.All.EqualTo(0));
    }

    [Test]
    public void A_file_that_is_not_a_WAV_is_refused_with_the_reason()
    {
        byte[] text = "<html>not audio</html>"u8.ToArray();

        Assert.That(PromptAudio.TryLoad("page.wav", text, out string? error), Is.Null);
        Assert.That(error, Does.StartWith("prompt 'page.wav' is not a readable WAV file"));
    }

    [Test]
    public void A_WAV_cut_in_its_header_is_refused()
    {
        byte[] wav = MediaTestAudio.ToneWav(1000, TimeSpan.FromSeconds(1))[..30];

        Assert.That(PromptAudio.TryLoad("cut.wav", wav, out string? error), Is.Null);
        Assert.That(error, Does.Contain("is not a readable WAV file"));
    }

    [Test]
    public void A_WAV_in_an_unsupported_encoding_is_refused_naming_it()
    {
        var stream = new MemoryStream();
        using (var writer = new WaveFileWriter(stream, WaveFormat.CreateALawFormat(8000, 1)))
        {
            writer.Write(new byte[800], 0, 800);
        }

        Assert.That(PromptAudio.TryLoad("alaw.wav", stream.ToArray(), out string? error), Is.Null);
        Assert.That(error, Is.EqualTo("prompt 'alaw.wav': unsupported audio encoding ALaw (8-bit); PCM (8/16/24/32-bit) or 32-bit float is required."));
    }

    [Test]
    public void A_WAV_with_more_than_two_channels_is_refused()
    {
        var stream = new MemoryStream();
        using (var writer = new WaveFileWriter(stream, new WaveFormat(8000, 16, 3)))
        {
            writer.Write(new byte[600], 0, 600);
        }

        Assert.That(PromptAudio.TryLoad("surround.wav", stream.ToArray(), out string? error), Is.Null);
        Assert.That(error, Does.Contain("3 channels; mono or stereo is required."));
    }

    [Test]
    public void A_WAV_without_samples_and_an_empty_file_are_refused()
    {
        byte[] noSamples = MediaTestAudio.ToneWav(1000, TimeSpan.Zero);

        Assert.That(PromptAudio.TryLoad("empty.wav", noSamples, out string? error), Is.Null);
        Assert.That(error, Is.EqualTo("prompt 'empty.wav' holds no samples."));
        Assert.That(PromptAudio.TryLoad("nothing.wav", [], out error), Is.Null);
        Assert.That(error, Is.EqualTo("prompt 'nothing.wav' has no data."));
    }

    [Test]
    public void A_missing_file_is_refused_with_its_path()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "welcome.wav");

        Assert.That(PromptAudio.TryLoadFile(path, out string? error), Is.Null);
        Assert.That(error, Is.EqualTo($"prompt file '{path}' not found."));
    }

    [Test]
    public void A_file_on_disk_loads()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".wav");
        File.WriteAllBytes(path, MediaTestAudio.ToneWav(1000, TimeSpan.FromMilliseconds(100)));
        try
        {
            PromptAudio? prompt = PromptAudio.TryLoadFile(path, out string? error);

            Assert.That(error, Is.Null);
            Assert.That(prompt!.FrameCount, Is.EqualTo(5));
            Assert.That(prompt.Name, Is.EqualTo(Path.GetFileName(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

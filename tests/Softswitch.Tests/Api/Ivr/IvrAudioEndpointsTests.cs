using System.Buffers.Binary;
using System.Text.Json;
using Softswitch.Api.Vos;
using Softswitch.Core.Ivr;

namespace Softswitch.Tests.Api.Ivr;

/// <summary>CreateIvrAudio … ModifyIvrAudioData (001_… §3.74-§3.78) through the real pipeline.</summary>
public class IvrAudioEndpointsTests
{
    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await VosApiHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private static int RetCode(JsonElement e) => e.GetProperty("retCode").GetInt32();

    private async Task<JsonElement> Get(long id) =>
        (await _host.PostAsync("GetIvrAudio", $$"""{"ids":[{{id}}]}""")).GetProperty("infoIvrAudios");

    private static string Hex(byte[] wav) => Convert.ToHexString(wav);

    [Test]
    public async Task CreateGetModifyGetDeleteGet()
    {
        var created = await _host.PostAsync("CreateIvrAudio", """{"type":4,"name":"welcome","language":"zh","memo":"hi"}""");
        long id = created.GetProperty("id").GetInt64();
        var first = await Get(id);
        var modified = await _host.PostAsync("ModifyIvrAudio", $$"""{"id":{{id}},"language":"en","ivrServiceName":"cb"}""");
        var second = await Get(id);
        var data = await _host.PostAsync("ModifyIvrAudioData", $$"""{"id":{{id}},"data":"{{Hex(PcmWav.Create([1, 2, 3]))}}"}""");
        var third = await Get(id);
        var byType = await _host.PostAsync("GetIvrAudio", """{"type":4}""");
        var deleted = await _host.PostAsync("DeleteIvrAudio", $$"""{"id":{{id}}}""");
        var gone = await Get(id);
        var again = await _host.PostAsync("DeleteIvrAudio", $$"""{"id":{{id}}}""");

        Assert.That(RetCode(created), Is.Zero);
        Assert.That(first[0].GetProperty("name").GetString(), Is.EqualTo("welcome"));
        Assert.That(first[0].GetProperty("language").GetString(), Is.EqualTo("zh"));
        Assert.That(first[0].GetProperty("size").GetInt64(), Is.Zero);
        Assert.That(RetCode(modified), Is.Zero);
        Assert.That(second[0].GetProperty("language").GetString(), Is.EqualTo("en"));
        Assert.That(second[0].GetProperty("memo").GetString(), Is.EqualTo("hi"));
        Assert.That(second[0].GetProperty("ivrServiceName").GetString(), Is.EqualTo("cb"));
        Assert.That(RetCode(data), Is.Zero);
        Assert.That(third[0].GetProperty("size").GetInt64(), Is.EqualTo(50));
        Assert.That(byType.GetProperty("infoIvrAudios").GetArrayLength(), Is.EqualTo(1));
        Assert.That(RetCode(deleted), Is.Zero);
        Assert.That(gone.GetArrayLength(), Is.Zero);
        Assert.That(RetCode(again), Is.EqualTo((int)VosRetCode.NotFound));
    }

    [TestCase("CreateIvrAudio", """{"name":"a"}""", VosRetCode.MissingField, "type")]
    [TestCase("CreateIvrAudio", """{"type":1}""", VosRetCode.MissingField, "name")]
    [TestCase("CreateIvrAudio", """{"type":8,"name":"a"}""", VosRetCode.OutOfRange, "type")]
    [TestCase("CreateIvrAudio", """{"type":-1,"name":"a"}""", VosRetCode.OutOfRange, "type")]
    [TestCase("CreateIvrAudio", """{"type":"1","name":"a"}""", VosRetCode.WrongType, "type")]
    [TestCase("ModifyIvrAudio", """{"memo":"x"}""", VosRetCode.MissingField, "id")]
    [TestCase("ModifyIvrAudio", """{"id":"1"}""", VosRetCode.WrongType, "id")]
    [TestCase("ModifyIvrAudio", """{"id":999}""", VosRetCode.NotFound, "999")]
    [TestCase("DeleteIvrAudio", "{}", VosRetCode.MissingField, "id")]
    [TestCase("DeleteIvrAudio", """{"id":999}""", VosRetCode.NotFound, "999")]
    [TestCase("GetIvrAudio", """{"type":9}""", VosRetCode.OutOfRange, "type")]
    [TestCase("GetIvrAudio", """{"type":1,"ids":[1]}""", VosRetCode.OutOfRange, "not both")]
    [TestCase("GetIvrAudio", """{"ids":"1"}""", VosRetCode.WrongType, "ids")]
    [TestCase("ModifyIvrAudioData", """{"data":"00"}""", VosRetCode.MissingField, "id")]
    [TestCase("ModifyIvrAudioData", """{"id":1}""", VosRetCode.MissingField, "data")]
    [TestCase("ModifyIvrAudioData", """{"id":1,"data":5249}""", VosRetCode.WrongType, "data")]
    public async Task BadInputIsRefusedWithTheFieldNamed(string name, string body, VosRetCode code, string mention)
    {
        var result = await _host.PostAsync(name, body);

        Assert.That(RetCode(result), Is.EqualTo((int)code));
        Assert.That(result.GetProperty("exception").GetString(), Does.Contain(mention));
    }

    [Test]
    public async Task ASecondAudioOfTheSameTypeNameAndLanguageIsADuplicate()
    {
        await _host.PostAsync("CreateIvrAudio", """{"type":0,"name":"beep"}""");
        var other = await _host.PostAsync("CreateIvrAudio", """{"type":0,"name":"beep","language":"en"}""");
        var duplicate = await _host.PostAsync("CreateIvrAudio", """{"type":0,"name":"beep"}""");

        Assert.That(RetCode(other), Is.Zero);
        Assert.That(RetCode(duplicate), Is.EqualTo((int)VosRetCode.Duplicate));
    }

    private static IEnumerable<TestCaseData> Wavs()
    {
        static byte[] Patch(Action<Span<byte>> change)
        {
            var wav = PcmWav.Create([1, 2, 3, 4]);
            change(wav);
            return wav;
        }
        yield return new TestCaseData(Hex(PcmWav.Create([1, 2, 3, 4])), 0, null).SetName("Good");
        yield return new TestCaseData(Hex(PcmWav.Create([1, 2])).ToLowerInvariant(), 0, null).SetName("GoodLowerCase");
        yield return new TestCaseData(Hex(Patch(w => { BinaryPrimitives.WriteUInt32LittleEndian(w[24..], 16000); BinaryPrimitives.WriteUInt32LittleEndian(w[28..], 32000); })),
            (int)VosRetCode.OutOfRange, "sample rate 16000 Hz").SetName("WrongSampleRate");
        yield return new TestCaseData(Hex(Patch(w => { BinaryPrimitives.WriteUInt16LittleEndian(w[22..], 2); BinaryPrimitives.WriteUInt16LittleEndian(w[32..], 4); })),
            (int)VosRetCode.OutOfRange, "mono").SetName("Stereo");
        yield return new TestCaseData(Hex(Patch(w => { BinaryPrimitives.WriteUInt16LittleEndian(w[34..], 8); BinaryPrimitives.WriteUInt16LittleEndian(w[32..], 1); })),
            (int)VosRetCode.OutOfRange, "8 bits").SetName("EightBit");
        yield return new TestCaseData(Hex(PcmWav.Create([1, 2, 3, 4]))[..90], (int)VosRetCode.OutOfRange, "truncated").SetName("Truncated");
        yield return new TestCaseData("52494646GG", (int)VosRetCode.OutOfRange, "not hexadecimal").SetName("NonHex");
    }

    [TestCaseSource(nameof(Wavs))]
    public async Task AudioDataIsValidated(string hex, int code, string? reason)
    {
        long id = (await _host.PostAsync("CreateIvrAudio", """{"type":0,"name":"prompt"}""")).GetProperty("id").GetInt64();

        var result = await _host.PostAsync("ModifyIvrAudioData", $$"""{"id":{{id}},"data":"{{hex}}"}""");
        var size = (await Get(id))[0].GetProperty("size").GetInt64();

        Assert.That(RetCode(result), Is.EqualTo(code));
        if (reason is null)
        {
            Assert.That(size, Is.EqualTo(hex.Length / 2));
        }
        else
        {
            Assert.That(result.GetProperty("exception").GetString(), Does.Contain("data").And.Contain(reason));
            Assert.That(size, Is.Zero);
        }
    }
}

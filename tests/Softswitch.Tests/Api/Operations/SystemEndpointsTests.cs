using System.Text.Json;
using Softswitch.Api.Vos;

namespace Softswitch.Tests.Api.Operations;

/// <summary>GetSoftSwitch (001_… §3.56), CreateAlarm/GetAlarmCurrent (§3.85, §3.88), CreateIpLimit/DeleteIpLimit (§3.86-§3.87).</summary>
public class SystemEndpointsTests
{
    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await VosApiHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private static int RetCode(JsonElement e) => e.GetProperty("retCode").GetInt32();

    [Test]
    public async Task GetSoftSwitchDescribesThisProcess()
    {
        var result = await _host.PostAsync("GetSoftSwitch", "{}");

        Assert.That(RetCode(result), Is.Zero);
        var info = result.GetProperty("infoSoftSwitches")[0];
        Assert.That(info.GetProperty("name").GetString(), Is.Not.Empty);
        Assert.That(info.GetProperty("identification").GetString(), Is.EqualTo(Environment.MachineName));
        Assert.That(info.GetProperty("createTime").GetInt64(), Is.GreaterThan(0));
        Assert.That(info.GetProperty("accessTime").GetInt64(), Is.GreaterThan(0));
        Assert.That(info.GetProperty("accessAddress").GetString(), Does.EndWith(":5060"));
    }

    [Test]
    public async Task CreateAlarmThenGetItCurrent()
    {
        var created = await _host.PostAsync("CreateAlarm",
            """{"name":"trunk down","level":3,"value":0,"alarmInfo":"carrier B unreachable","upper":10,"lower":1}""");
        var duplicate = await _host.PostAsync("CreateAlarm", """{"name":"trunk down"}""");
        var past = await _host.PostAsync("CreateAlarm", """{"name":"old","startTime":1000,"stopTime":2000}""");
        var current = await _host.PostAsync("GetAlarmCurrent", "{}");

        Assert.That(RetCode(created), Is.Zero);
        Assert.That(RetCode(duplicate), Is.EqualTo((int)VosRetCode.Duplicate));
        Assert.That(RetCode(past), Is.Zero);
        var alarms = current.GetProperty("infoAlarmCurrents");
        Assert.That(alarms.GetArrayLength(), Is.EqualTo(1));
        Assert.That(alarms[0].GetProperty("name").GetString(), Is.EqualTo("trunk down"));
        Assert.That(alarms[0].GetProperty("level").GetInt32(), Is.EqualTo(3));
        Assert.That(alarms[0].GetProperty("memo").GetString(), Is.EqualTo("carrier B unreachable"));
        Assert.That(alarms[0].GetProperty("upper").GetDouble(), Is.EqualTo(10));
        Assert.That(alarms[0].GetProperty("id").GetInt64(), Is.GreaterThan(0));
    }

    [TestCase("/DeleteIpLimit")]
    [TestCase("/Delete%20IpLimit")]
    public async Task CreateIpLimitThenDeleteItUnderEitherSpelling(string deletePath)
    {
        string delete = deletePath.TrimStart('/');
        var created = await _host.PostAsync("CreateIpLimit", """{"area":"Beijing","ip":"203.0.113.0","count":256,"memo":"carrier A"}""");
        var overlap = await _host.PostAsync("CreateIpLimit", """{"ip":"203.0.113.200"}""");
        var deleted = await _host.PostAsync(delete, """{"ips":"203.0.113.0"}""");
        var gone = await _host.PostAsync(delete, """{"ips":"203.0.113.0"}""");
        var recreated = await _host.PostAsync("CreateIpLimit", """{"ip":"203.0.113.200"}""");

        Assert.That(RetCode(created), Is.Zero);
        Assert.That(RetCode(overlap), Is.EqualTo((int)VosRetCode.Duplicate));
        Assert.That(RetCode(deleted), Is.Zero);
        Assert.That(RetCode(gone), Is.EqualTo((int)VosRetCode.NotFound));
        Assert.That(RetCode(recreated), Is.Zero);
    }

    [Test]
    public async Task DeleteIpLimitTakesSeveralStartsOrNone()
    {
        await _host.PostAsync("CreateIpLimit", """{"ip":"198.51.100.1"}""");
        await _host.PostAsync("CreateIpLimit", """{"ip":"198.51.100.2"}""");

        var partlyUnknown = await _host.PostAsync("DeleteIpLimit", """{"ips":"198.51.100.1,198.51.100.9"}""");
        var both = await _host.PostAsync("DeleteIpLimit", """{"ips":"198.51.100.1, 198.51.100.2"}""");

        Assert.That(RetCode(partlyUnknown), Is.EqualTo((int)VosRetCode.NotFound));
        Assert.That(partlyUnknown.GetProperty("exception").GetString(), Does.Contain("198.51.100.9"));
        Assert.That(RetCode(both), Is.Zero);
    }

    [TestCase("CreateAlarm", """{"level":1}""", VosRetCode.MissingField, "name")]
    [TestCase("CreateAlarm", """{"name":"a","level":4}""", VosRetCode.OutOfRange, "level")]
    [TestCase("CreateAlarm", """{"name":"a","level":"1"}""", VosRetCode.WrongType, "level")]
    [TestCase("CreateAlarm", """{"name":"a","value":"1"}""", VosRetCode.WrongType, "value")]
    [TestCase("CreateAlarm", """{"name":"a","upper":4294967296}""", VosRetCode.OutOfRange, "upper")]
    [TestCase("CreateAlarm", """{"name":"a","upper":1,"lower":2}""", VosRetCode.OutOfRange, "lower")]
    [TestCase("CreateAlarm", """{"name":"a","startTime":2000,"stopTime":1000}""", VosRetCode.OutOfRange, "stopTime")]
    [TestCase("CreateIpLimit", """{"area":"x"}""", VosRetCode.MissingField, "ip")]
    [TestCase("CreateIpLimit", """{"ip":"1.2.3"}""", VosRetCode.OutOfRange, "ip")]
    [TestCase("CreateIpLimit", """{"ip":"1.2.3.256"}""", VosRetCode.OutOfRange, "ip")]
    [TestCase("CreateIpLimit", """{"ip":"::1"}""", VosRetCode.OutOfRange, "ip")]
    [TestCase("CreateIpLimit", """{"ip":1}""", VosRetCode.WrongType, "ip")]
    [TestCase("CreateIpLimit", """{"ip":"1.2.3.4","count":"2"}""", VosRetCode.WrongType, "count")]
    [TestCase("CreateIpLimit", """{"ip":"1.2.3.4","count":0}""", VosRetCode.OutOfRange, "count")]
    [TestCase("CreateIpLimit", """{"ip":"255.255.255.255","count":2}""", VosRetCode.OutOfRange, "count")]
    [TestCase("DeleteIpLimit", "{}", VosRetCode.MissingField, "ips")]
    [TestCase("DeleteIpLimit", """{"ips":["1.2.3.4"]}""", VosRetCode.WrongType, "ips")]
    [TestCase("DeleteIpLimit", """{"ips":"not-an-ip"}""", VosRetCode.OutOfRange, "ips")]
    [TestCase("DeleteIpLimit", """{"ips":"1.2.3.4"}""", VosRetCode.NotFound, "1.2.3.4")]
    [TestCase("Delete%20IpLimit", "{}", VosRetCode.MissingField, "ips")]
    public async Task BadInputIsRefusedWithTheFieldNamed(string name, string body, VosRetCode code, string mention)
    {
        var result = await _host.PostAsync(name, body);

        Assert.That(RetCode(result), Is.EqualTo((int)code), result.ToString());
        Assert.That(result.GetProperty("exception").GetString(), Does.Contain(mention));
    }
}

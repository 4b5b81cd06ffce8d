using System.Text;
using Softswitch.Core.TextMessages;

namespace Softswitch.Tests.Core.TextMessages;

/// <summary>The text-message record over the SQLite store (migration 700).</summary>
public class TextMessageLogTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private TempDatabase _db = null!;
    private TextMessageLog _log = null!;

    [SetUp]
    public void SetUp()
    {
        _db = new TempDatabase();
        _log = new TextMessageLog(new SqliteTextMessageStore(_db.OpenStore()));
    }

    [TearDown]
    public void TearDown() => _db.Dispose();

    private static TextMessage Sent(string account = "acme", string caller = "1001", string callee = "1002", DateTimeOffset? at = null, int status = 200, string body = "hi") => new()
    {
        Time = at ?? Noon,
        Account = account,
        CallerE164 = caller,
        CalleeE164 = callee,
        CalleeAccessE164 = callee,
        CallerIp = "192.0.2.10:5062",
        ContentType = "text/plain;charset=UTF-8",
        Body = Encoding.UTF8.GetBytes(body),
        Status = status,
    };

    private static TextMessageQuery Day(string account = "acme") => new() { Accounts = [account], From = Noon.Date, To = Noon.Date.AddDays(1) };

    [Test]
    public async Task ARecordedMessageReadsBackFieldForField()
    {
        var sent = Sent(body: "你好, 1002");
        long id = await _log.RecordAsync(sent);
        var read = (await _log.QueryAsync(Day())).Single();
        Assert.That(read.Id, Is.EqualTo(id).And.Positive);
        Assert.That(read with { Id = 0, Body = default }, Is.EqualTo(sent with { Body = default }));
        Assert.That(Encoding.UTF8.GetString(read.Body.Span), Is.EqualTo("你好, 1002"));
    }

    [Test]
    public async Task AQueryKeepsToItsAccountsRangeAndParties()
    {
        await _log.RecordAsync(Sent());
        await _log.RecordAsync(Sent(caller: "1003", status: 480));
        await _log.RecordAsync(Sent(account: "other"));
        await _log.RecordAsync(Sent(at: Noon.AddDays(1)));
        Assert.That(await _log.QueryAsync(Day()), Has.Count.EqualTo(2));
        var refused = (await _log.QueryAsync(Day() with { CallerE164 = "1003" })).Single();
        Assert.That((refused.Status, refused.Delivered), Is.EqualTo((480, false)));
        Assert.That(await _log.QueryAsync(Day() with { CalleeE164 = "9999" }), Is.Empty);
    }

    [Test]
    public async Task AnEmptyBodyIsKept()
    {
        await _log.RecordAsync(Sent(body: "") with { ContentType = "" });
        Assert.That((await _log.QueryAsync(Day())).Single().Body.IsEmpty, Is.True);
    }

    [TestCase(0)]
    [TestCase(180)]
    [TestCase(700)]
    public void AMessageWithoutAFinalStatusIsABug(int status) =>
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _log.RecordAsync(Sent(status: status)));

    [Test]
    public void AMessageWithoutASenderIsABug() =>
        Assert.ThrowsAsync<ArgumentException>(() => _log.RecordAsync(Sent(caller: "")));
}

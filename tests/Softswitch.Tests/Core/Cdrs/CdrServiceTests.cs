using Softswitch.Core.Accounts;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Management;
using Softswitch.Core.Phones;

namespace Softswitch.Tests.Core.Cdrs;

public class CdrServiceTests
{
    private TempDatabase _db = null!;
    private ServiceFixture _f = null!;
    private CdrService _cdrs = null!;

    [SetUp]
    public async Task SetUp()
    {
        _db = new TempDatabase();
        _f = new ServiceFixture(_db);
        _f.Time.SetUtcNow(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        _cdrs = new CdrService(new SqliteCdrStore(_db.OpenStore()), _f.State, _f.Time);
        await _f.Customers.CreateAsync("acme", new CustomerChanges { Name = "Acme" });
        await _f.Phones.CreateAsync(false, "1001", new PhoneChanges { Account = "acme" });
    }

    [TearDown]
    public void TearDown()
    {
        _f.Dispose();
        _db.Dispose();
    }

    [TestCase(null, "20260301", ServiceError.MissingField, "beginTime")]
    [TestCase("2026-03-01", "20260301", ServiceError.OutOfRange, "beginTime")]
    [TestCase("20260230", "20260301", ServiceError.OutOfRange, "beginTime")]
    [TestCase("20260301", "1", ServiceError.OutOfRange, "endTime")]
    [TestCase("20260302", "20260301", ServiceError.OutOfRange, "endTime")]
    public async Task BadDatesAreRefusedWithTheFieldNamed(string? begin, string end, ServiceError error, string field)
    {
        var result = await _cdrs.QueryAsync(["acme"], begin, end);

        Assert.That(result.Error, Is.EqualTo(error));
        Assert.That(result.Field, Is.EqualTo(field));
    }

    [Test]
    public async Task AccountsAreMandatory()
    {
        var result = await _cdrs.QueryAsync([], "20260301", "20260301");
        Assert.That((result.Error, result.Field), Is.EqualTo((ServiceError.MissingField, "accounts")));
    }

    [Test]
    public async Task CreateBillsTheCallerPhonesAccountAndQueryFindsItByDay()
    {
        var created = await _cdrs.CreateAsync(new ExternalCdr
        {
            BillingMode = 0, CallerE164 = "1001", CalleeE164 = "8613800000000", BillingTime = 42, FlowNo = -1,
        });
        var sameDay = await _cdrs.QueryAsync(["acme"], "20260301", "20260301");
        var nextDay = await _cdrs.QueryAsync(["acme"], "20260302", "20260302");

        Assert.That(created.IsSuccess, Is.True, created.Message);
        var cdr = sameDay.Value!.Single();
        Assert.That(cdr.FlowNo, Is.EqualTo(created.Value));
        Assert.That(cdr.Account, Is.EqualTo("acme"));
        Assert.That(cdr.AccountName, Is.EqualTo("Acme"));
        Assert.That(cdr.HoldTime, Is.EqualTo(42));
        Assert.That(cdr.CalleeBilling, Is.EqualTo(2), "external billing");
        Assert.That(cdr.Start, Is.EqualTo(_f.Time.GetUtcNow().ToUnixTimeMilliseconds()));
        Assert.That(cdr.Stop, Is.EqualTo(cdr.Start));
        Assert.That(cdr.EndReason, Is.EqualTo(EndReason.CallerHangup));
        Assert.That(nextDay.Value, Is.Empty);
    }

    [Test]
    public async Task ASecondCreateWithTheSameFlowNoIsRefusedAsDuplicate()
    {
        var input = new ExternalCdr { BillingMode = 0, Account = "acme", BillingTime = 10, FlowNo = 77 };

        var first = await _cdrs.CreateAsync(input);
        var second = await _cdrs.CreateAsync(input with { BillingTime = 99 });

        Assert.That(first.Value, Is.EqualTo(77));
        Assert.That((second.Error, second.Field), Is.EqualTo((ServiceError.Duplicate, "flowNo")));
        var stored = await _cdrs.QueryAsync(["acme"], "20260301", "20260301");
        Assert.That(stored.Value!.Single().HoldTime, Is.EqualTo(10));
    }

    [TestCase(5, 10, -1L, "billingMode")]
    [TestCase(0, -1, -1L, "billingTime")]
    [TestCase(0, 10, -2L, "flowNo")]
    public async Task OutOfRangeValuesAreRefused(int mode, int billingTime, long flowNo, string field)
    {
        var result = await _cdrs.CreateAsync(new ExternalCdr
        {
            BillingMode = mode, Account = "acme", BillingTime = billingTime, FlowNo = flowNo,
        });
        Assert.That((result.Error, result.Field), Is.EqualTo((ServiceError.OutOfRange, field)));
    }

    [Test]
    public async Task UnknownAccountsAndPhonesAreNotFound()
    {
        var account = await _cdrs.CreateAsync(new ExternalCdr { BillingMode = 0, Account = "nobody", BillingTime = 1 });
        var phone = await _cdrs.CreateAsync(new ExternalCdr { BillingMode = 0, CallerE164 = "9999", BillingTime = 1 });

        Assert.That((account.Error, account.Field), Is.EqualTo((ServiceError.NotFound, "account")));
        Assert.That((phone.Error, phone.Field), Is.EqualTo((ServiceError.NotFound, "callerE164")));
    }
}

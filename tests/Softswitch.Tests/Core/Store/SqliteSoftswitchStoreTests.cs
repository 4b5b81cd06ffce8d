using Microsoft.Data.Sqlite;
using Softswitch.Core.Accounts;
using Softswitch.Core.Phones;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core.Store;

public class SqliteSoftswitchStoreTests
{
    private TempDatabase _db = null!;

    [SetUp]
    public void SetUp() => _db = new TempDatabase();

    [TearDown]
    public void TearDown() => _db.Dispose();

    private static Customer SampleCustomer(string account = "acme") => new()
    {
        Account = account,
        Name = "Acme Ltd",
        Money = 12.5,
        LimitMoney = 3,
        FeeRateGroup = "retail",
        Type = CustomerType.Settlement,
        LockType = CustomerLockType.Locked,
        PhoneBookLimit = 7,
        StartTime = 1_700_000_000_000,
        ValidTime = 1_800_000_000_000,
        CtdBillingType = CtdBillingType.Traffic,
        Memo = "memo",
        Additional = new CustomerAdditional { CardType = 1, Email = "a@example.com", ReportType = 2 },
    };

    private static Phone SamplePhone(string e164 = "1001", string account = "acme") => new()
    {
        E164 = e164,
        Account = account,
        Password = "secret",
        DisplayNumber = "8001",
        LockType = PhoneLockType.CallIn,
        CallLevel = 2,
        MonthlyRentFee = 9.5,
        RoutingGatewayGroupsAllow = true,
        LineCapacity = 3,
        Dids = "2001,2002",
        ValueAdded = new PhoneValueAdded
        {
            DoNotDisturb = true,
            BusyForwardE164 = new PhoneValueAddedForwardE164 { E164 = "1002", ForwardMethod = 2 },
            InfoPhoneValueAddedPeriodForwardings = [new PhoneValueAddedPeriodForwarding { WeekOfDay = "1,2", BeginSecondInDay = 60 }],
        },
        Additional = new PhoneAdditional { RtpRelay = 1, SipCodecs = ["audio/PCMU", "audio/PCMA"], DtmfSIPSendMethod = 10 },
    };

    [Test]
    public async Task CustomerRoundTripsEveryField()
    {
        using var store = _db.OpenStore();
        var customer = SampleCustomer();
        await store.InsertCustomerAsync(customer);

        var loaded = (await store.LoadCustomersAsync()).Single();

        Assert.That(loaded with { Additional = customer.Additional }, Is.EqualTo(customer));
        Assert.That(loaded.Additional, Is.EqualTo(customer.Additional));
    }

    [Test]
    public async Task PhoneRoundTripsEveryFieldIncludingNestedSettings()
    {
        using var store = _db.OpenStore();
        await store.InsertCustomerAsync(SampleCustomer());
        var phone = SamplePhone();
        await store.InsertPhoneAsync(phone, null);

        var loaded = (await store.LoadPhonesAsync()).Single();

        Assert.That(loaded with { ValueAdded = phone.ValueAdded, Additional = phone.Additional }, Is.EqualTo(phone));
        Assert.That(loaded.ValueAdded.BusyForwardE164, Is.EqualTo(phone.ValueAdded.BusyForwardE164));
        Assert.That(loaded.ValueAdded.InfoPhoneValueAddedPeriodForwardings![0].BeginSecondInDay, Is.EqualTo(60));
        Assert.That(loaded.Additional.SipCodecs, Is.EqualTo(new[] { "audio/PCMU", "audio/PCMA" }));
        Assert.That(loaded.Additional.DtmfSIPSendMethod, Is.EqualTo(10));
        Assert.That(loaded.Additional.Protocol, Is.Null, "unset stays unset");
    }

    [Test]
    public async Task UpdateAndDeleteAreDurable()
    {
        using var store = _db.OpenStore();
        await store.InsertCustomerAsync(SampleCustomer());
        await store.InsertPhoneAsync(SamplePhone(), null);

        await store.UpdateCustomerAsync(SampleCustomer() with { Name = "Renamed" });
        await store.UpdatePhoneAsync(SamplePhone() with { Password = "changed" });

        Assert.That((await store.LoadCustomersAsync()).Single().Name, Is.EqualTo("Renamed"));
        Assert.That((await store.LoadPhonesAsync()).Single().Password, Is.EqualTo("changed"));
        Assert.That(await store.DeletePhoneAsync("1001"), Is.True);
        Assert.That(await store.DeletePhoneAsync("1001"), Is.False);
        Assert.That(await store.DeleteCustomerAsync("acme"), Is.True);
    }

    [Test]
    public async Task ForeignKeysRefuseAPhoneOfAMissingAccount()
    {
        using var store = _db.OpenStore();

        Assert.That(async () => await store.InsertPhoneAsync(SamplePhone(account: "ghost"), null),
            Throws.InstanceOf<SqliteException>());
    }

    [Test]
    public async Task InsertPhoneWithNewAccountIsOneTransaction()
    {
        using var store = _db.OpenStore();
        await store.InsertCustomerAsync(SampleCustomer("other"));
        await store.InsertPhoneAsync(SamplePhone("1001", "other"), null);

        // The phone insert fails (duplicate e164), so the account created with it must not survive either.
        Assert.That(async () => await store.InsertPhoneAsync(SamplePhone("1001", "fresh"), SampleCustomer("fresh")),
            Throws.InstanceOf<SqliteException>());
        Assert.That((await store.LoadCustomersAsync()).Select(c => c.Account), Is.EqualTo(new[] { "other" }));
    }

    [Test]
    public async Task MigrationIsIdempotentAcrossOpens()
    {
        using (var first = _db.OpenStore())
        {
            await first.MigrateAsync();
            await first.InsertCustomerAsync(SampleCustomer());
        }
        using var second = _db.OpenStore();
        await second.MigrateAsync();
        await second.MigrateAsync();

        Assert.That(await second.GetSchemaVersionAsync(), Is.EqualTo(SqliteSchema.LatestVersion), "every area's migrations applied once");
        Assert.That(await second.LoadCustomersAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DatabaseRunsInWalMode()
    {
        using var store = _db.OpenStore();
        await store.MigrateAsync();
        await using var connection = new SqliteConnection($"Data Source={_db.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("wal"));
    }
}

using Softswitch.Core.Accounts;
using Softswitch.Core.Management;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;

namespace Softswitch.Tests.Core.Phones;

public class PhoneServiceTests
{
    private TempDatabase _db = null!;
    private ServiceFixture _f = null!;

    [SetUp]
    public async Task SetUp()
    {
        _db = new TempDatabase();
        _f = new ServiceFixture(_db);
        await _f.Customers.CreateAsync("acme", new CustomerChanges { Name = "Acme" });
    }

    [TearDown]
    public void TearDown()
    {
        _f.Dispose();
        _db.Dispose();
    }

    [Test]
    public async Task CreateWithoutPasswordGeneratesOneAndPublishesCredentials()
    {
        var result = await _f.Phones.CreateAsync(false, "1001", new PhoneChanges { Account = "acme" });

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(result.Value!.Password, Has.Length.EqualTo(PasswordGenerator.DefaultLength));
        var credentials = _f.Phones.FindCredentials("1001")!;
        Assert.That(credentials.Password, Is.EqualTo(result.Value.Password));
        Assert.That(credentials.Account, Is.EqualTo("acme"));
        Assert.That(credentials.Locked, Is.False);
    }

    [Test]
    public async Task WithoutAutoCreateTheAccountMustBeGivenAndExist()
    {
        var missing = await _f.Phones.CreateAsync(false, "1001", new PhoneChanges());
        var unknown = await _f.Phones.CreateAsync(false, "1001", new PhoneChanges { Account = "ghost" });

        Assert.That(missing.Error, Is.EqualTo(ServiceError.MissingField));
        Assert.That(missing.Field, Is.EqualTo("account"));
        Assert.That(unknown.Error, Is.EqualTo(ServiceError.NotFound));
        Assert.That(_f.Phones.Find("1001"), Is.Null);
        Assert.That(_f.Customers.Find("ghost"), Is.Null);
    }

    [Test]
    public async Task AutoCreateMakesTheMissingAccountOrUsesTheExistingOne()
    {
        var named = await _f.Phones.CreateAsync(true, "1001", new PhoneChanges { Account = "newco" });
        var byNumber = await _f.Phones.CreateAsync(true, "1002", new PhoneChanges());
        var existing = await _f.Phones.CreateAsync(true, "1003", new PhoneChanges { Account = "acme" });

        Assert.That(named.IsSuccess && byNumber.IsSuccess && existing.IsSuccess, Is.True);
        Assert.That(_f.Customers.Find("newco"), Is.Not.Null);
        Assert.That(_f.Customers.Find("1002")!.Name, Is.EqualTo("1002"));
        Assert.That(_f.Phones.Find("1003")!.Account, Is.EqualTo("acme"));
    }

    [Test]
    public async Task DuplicateE164IsRefused()
    {
        await _f.Phones.CreateAsync(false, "1001", new PhoneChanges { Account = "acme", Password = "one" });

        var again = await _f.Phones.CreateAsync(false, "1001", new PhoneChanges { Account = "acme", Password = "two" });

        Assert.That(again.Error, Is.EqualTo(ServiceError.Duplicate));
        Assert.That(_f.Phones.FindCredentials("1001")!.Password, Is.EqualTo("one"));
    }

    [TestCase("10 01")]
    [TestCase("1001@evil")]
    public async Task E164MustBeUsableAsASipUser(string e164)
    {
        var result = await _f.Phones.CreateAsync(false, e164, new PhoneChanges { Account = "acme" });

        Assert.That(result.Error, Is.EqualTo(ServiceError.OutOfRange));
        Assert.That(result.Field, Is.EqualTo("e164"));
    }

    [Test]
    public async Task NestedValuesAreRangeCheckedWithTheirPath()
    {
        var result = await _f.Phones.CreateAsync(false, "1001", new PhoneChanges
        {
            Account = "acme",
            Additional = new PhoneAdditional { RtpRelay = 9 },
        });

        Assert.That(result.Error, Is.EqualTo(ServiceError.OutOfRange));
        Assert.That(result.Field, Is.EqualTo("infoPhoneAdditional.rtpRelay"));
    }

    [Test]
    public async Task ModifyMergesAndLocksReachTheCredentials()
    {
        await _f.Phones.CreateAsync(false, "1001", new PhoneChanges
        {
            Account = "acme", Password = "pw", Additional = new PhoneAdditional { RtpRelay = 1 },
        });

        await _f.Phones.ModifyAsync("1001", new PhoneChanges
        {
            LockType = 1, LineCapacity = 2, Additional = new PhoneAdditional { SipTimerSupport = true },
        });
        await _f.Customers.ModifyAsync("acme", new CustomerChanges { LockType = 1 });

        var phone = _f.Phones.Find("1001")!;
        var credentials = _f.Phones.FindCredentials("1001")!;
        Assert.That(phone.Password, Is.EqualTo("pw"));
        Assert.That(phone.Additional, Is.EqualTo(new PhoneAdditional { RtpRelay = 1, SipTimerSupport = true }));
        Assert.That(credentials.LockType, Is.EqualTo(PhoneLockType.CallOut));
        Assert.That(credentials.LineCapacity, Is.EqualTo(2));
        Assert.That(credentials.AccountLocked && credentials.Locked, Is.True);
    }

    [Test]
    public async Task ModifyToAnUnknownAccountIsRefused()
    {
        await _f.Phones.CreateAsync(false, "1001", new PhoneChanges { Account = "acme" });

        var result = await _f.Phones.ModifyAsync("1001", new PhoneChanges { Account = "ghost" });

        Assert.That(result.Error, Is.EqualTo(ServiceError.NotFound));
        Assert.That(result.Field, Is.EqualTo("account"));
    }

    [Test]
    public async Task DeleteRemovesThePhoneAndItsRegistrations()
    {
        await _f.Phones.CreateAsync(false, "1001", new PhoneChanges { Account = "acme" });
        var now = _f.Time.GetUtcNow();
        _f.Registrations.Upsert(new RegistrationBinding("1001", "sip:1001@10.0.0.1:5062", "UDP", "10.0.0.1", 5062,
            "cid", 1, "baresip", now, now.AddMinutes(5)));

        var result = await _f.Phones.DeleteAsync("1001");

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(_f.Phones.FindCredentials("1001"), Is.Null);
        Assert.That(_f.Registrations.IsOnline("1001", now), Is.False);
        Assert.That((await _f.Phones.DeleteAsync("1001")).Error, Is.EqualTo(ServiceError.NotFound));
    }

    [Test]
    public async Task OnlineStatusComesFromLiveRegistrations()
    {
        await _f.Phones.CreateAsync(false, "1001", new PhoneChanges { Account = "acme" });
        var now = _f.Time.GetUtcNow();
        _f.Registrations.Upsert(new RegistrationBinding("1001", "sip:1001@10.0.0.1:5062", "UDP", "10.0.0.1", 5062,
            "cid", 1, "baresip", now, now.AddMinutes(5)));

        var online = _f.Phones.GetOnline(["1001", "1002"]);
        _f.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.That(online.Single(), Is.EqualTo(new PhoneOnlineStatus("1001", 0, "10.0.0.1", 5062, "", now, now, "UDP", "baresip")));
        Assert.That(_f.Phones.GetOnline(["1001"]), Is.Empty, "expired bindings are offline");
        Assert.That(_f.Phones.GetAllOnline(), Is.Empty);
    }

    [Test]
    public async Task ReloadFromTheStoreGivesTheSameState()
    {
        await _f.Phones.CreateAsync(true, "1001", new PhoneChanges
        {
            Account = "newco", Dids = "3001", ValueAdded = new PhoneValueAdded { VoiceMail = true },
        });
        await _f.Phones.CreateAsync(false, "1002", new PhoneChanges { Account = "acme", LockType = 3 });
        await _f.Customers.ModifyAsync("acme", new CustomerChanges { Memo = "m" });

        using var restarted = _f.Restart();
        await restarted.Phones.LoadAsync();

        Assert.That(restarted.State.Customers.OrderBy(c => c.Account),
            Is.EqualTo(_f.State.Customers.OrderBy(c => c.Account)));
        Assert.That(restarted.State.Phones.OrderBy(p => p.E164), Is.EqualTo(_f.State.Phones.OrderBy(p => p.E164)));
        Assert.That(restarted.Phones.FindCredentials("1002"), Is.EqualTo(_f.Phones.FindCredentials("1002")).Using<PhoneCredentials>(
            (a, b) => a.Password == b.Password && a.Locked == b.Locked && a.LockType == b.LockType));
        Assert.That(restarted.Phones.FindCredentials("1001")!.Dids, Is.EqualTo(new[] { "3001" }));
    }

    [Test]
    public async Task DemoDataIsCreatedOnceAndReturnedAgain()
    {
        var first = await DemoData.EnsureAsync(_f.Customers, _f.Phones);
        using var restarted = _f.Restart();
        var second = await DemoData.EnsureAsync(restarted.Customers, restarted.Phones);

        Assert.That(first.Select(p => p.E164), Is.EqualTo(new[] { "1001", "1002" }));
        Assert.That(first.All(p => p.Created && p.Password.Length == 12), Is.True);
        Assert.That(second.All(p => !p.Created), Is.True);
        Assert.That(second.Select(p => p.Password), Is.EqualTo(first.Select(p => p.Password)));
        Assert.That(restarted.Phones.FindCredentials("1001")!.Account, Is.EqualTo(DemoData.Account));
    }
}

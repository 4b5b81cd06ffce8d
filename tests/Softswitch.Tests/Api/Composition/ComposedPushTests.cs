using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Composition;
using Softswitch.Core.Calls;
using Softswitch.Core.Pushes;
using Softswitch.Tests.Core;
using Softswitch.Tests.Core.Pushes;

namespace Softswitch.Tests.Api.Composition;

/// <summary>The host's composition: the "push" section bound, the sender hosted, CallStateReport wired (001_… §4.5).</summary>
public class ComposedPushTests
{
    [Test]
    public async Task HostWithPushUrlDeliversCallReports()
    {
        await using var receiver = await PushReceiver.StartNewAsync();
        using var db = new TempDatabase();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["push:url"] = receiver.Url;
        builder.Configuration["push:concurrency"] = "2";
        builder.Services.AddSoftswitchCore(db.Path);
        await using var app = builder.Build();
        await app.StartAsync();

        var calls = app.Services.GetRequiredService<CallRegistry>();
        var raised = new List<int>();
        calls.Events.StateReported += r => raised.Add((int)r.CallState);
        var call = calls.Create(new CallSetup { CallerE164 = "1001", CalleeE164 = "1002", CallerSipCallId = "c1" });
        call.Fire(CallTrigger.InviteSent);
        call.Fire(CallTrigger.RingingReceived);
        var stats = app.Services.GetRequiredService<PushStats>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (stats.Delivered < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        await app.StopAsync();

        Assert.That(receiver.Deduplicated().Select(r => r.Json.GetProperty("callState").GetInt32()), Is.EqualTo(new[] { -18, -7, -11 }));
        Assert.That(raised, Is.EqualTo(new[] { -18, -7, -11 }));
        Assert.That(app.Services.GetRequiredService<IPushPublisher>(), Is.SameAs(app.Services.GetRequiredService<PushQueue>()));
    }

    [Test]
    public async Task MoneyChangesAndAlarmsArePushed()
    {
        await using var receiver = await PushReceiver.StartNewAsync();
        using var db = new TempDatabase();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["push:url"] = receiver.Url;
        builder.Services.AddSoftswitchCore(db.Path);
        await using var app = builder.Build();
        await app.StartAsync();

        var customers = app.Services.GetRequiredService<Softswitch.Core.Accounts.CustomerService>();
        Assert.That((await customers.CreateAsync("acme", new Softswitch.Core.Accounts.CustomerChanges { Name = "Acme" })).IsSuccess, Is.True);
        Assert.That((await customers.ChangeMoneyAsync("acme", 12.5m)).IsSuccess, Is.True);
        var alarms = app.Services.GetRequiredService<Softswitch.Core.Alarms.AlarmService>();
        Assert.That((await alarms.CreateAsync(new Softswitch.Core.Alarms.NewAlarm { Name = "trunk down", Level = 2 })).IsSuccess, Is.True);

        var stats = app.Services.GetRequiredService<PushStats>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (stats.Delivered < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        await app.StopAsync();

        var pushes = receiver.Deduplicated();
        var money = pushes.Single(p => p.Page == PushPages.CustomerMoneyChange).Json;
        Assert.That(money.GetProperty("account").GetString(), Is.EqualTo("acme"));
        Assert.That(money.GetProperty("money").GetDouble(), Is.EqualTo(12.5));
        var alarm = pushes.Single(p => p.Page == PushPages.AlarmCurrentReport);
        Assert.That(alarm.Body, Does.Contain("trunk down"));
    }

    [Test]
    public async Task HostWithoutPushUrlPublishesNothing()
    {
        using var db = new TempDatabase();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSoftswitchCore(db.Path);
        await using var app = builder.Build();
        await app.StartAsync();
        Assert.That(app.Services.GetRequiredService<IPushPublisher>().Publish(PushMessage.CustomerMoneyChange("a", 1)), Is.False);
        await app.StopAsync();
    }
}

using Softswitch.Core.Calls;
using Softswitch.Core.Phones;
using Softswitch.Core.Pushes;
using Softswitch.Core.Registrations;

namespace Softswitch.Tests.Core.Pushes;

/// <summary>PhoneOnline (001_… §4.4) and CallStateReport (§4.5) raised by the live state and delivered over HTTP.</summary>
public class PushSourceTests
{
    [Test]
    public async Task PhoneOnlinePushedWhenABindingIsAddedAndWhenItExpires()
    {
        await using var receiver = await PushReceiver.StartNewAsync();
        await using var rig = await PushRig.StartAsync(PushRig.OptionsFor(receiver.Url));
        var table = new RegistrationTable();
        var phones = new FixedPhoneDirectory(new PhoneCredentials("1001", "pw", "acme", false) { Dids = ["2001", "2002"] });
        using var source = new PhoneOnlinePushSource(table, phones, rig.Queue, "192.0.2.1", 5060);

        var now = rig.Time.GetUtcNow();
        table.Upsert(new RegistrationBinding("1001", "sip:1001@198.51.100.7:5062", "udp", "198.51.100.7", 5062,
            "reg-1", 1, "Zoiper 5", now, now.AddSeconds(60)));
        table.Upsert(new RegistrationBinding("1001", "sip:1001@198.51.100.7:5062", "udp", "198.51.100.7", 5062,
            "reg-1", 2, "Zoiper 5", now, now.AddSeconds(120))); // refresh: no second push
        table.Sweep(now.AddSeconds(121));
        await rig.UntilAsync(() => rig.Stats.Delivered == 2 && rig.Stats.Pending == 0, "online and offline");

        var pushes = receiver.Deduplicated();
        Assert.That(pushes.Select(p => p.Page), Is.EqualTo(new[] { "PhoneOnline", "PhoneOnline" }));
        var online = pushes[0].Json;
        Assert.That(online.GetProperty("e164").GetString(), Is.EqualTo("1001"));
        Assert.That(online.GetProperty("dids").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "2001", "2002" }));
        Assert.That(online.GetProperty("online").GetBoolean(), Is.True);
        Assert.That(online.GetProperty("eventTime").GetInt64(), Is.EqualTo(now.ToUnixTimeMilliseconds()));
        Assert.That(online.GetProperty("localIp").GetString(), Is.EqualTo("192.0.2.1"));
        Assert.That(online.GetProperty("localPort").GetInt32(), Is.EqualTo(5060));
        Assert.That(online.GetProperty("remoteIp").GetString(), Is.EqualTo("198.51.100.7"));
        Assert.That(online.GetProperty("productId").GetString(), Is.EqualTo("Zoiper 5"));
        var offline = pushes[1].Json;
        Assert.That(offline.GetProperty("online").GetBoolean(), Is.False);
        Assert.That(offline.GetProperty("eventTime").GetInt64(), Is.EqualTo(now.AddSeconds(121).ToUnixTimeMilliseconds()));
        Assert.That(offline.GetProperty("remoteIp").GetString(), Is.EqualTo("198.51.100.7"));
    }

    [Test]
    public async Task CallStateReportPushedForEachTransitionInOrder()
    {
        await using var receiver = await PushReceiver.StartNewAsync();
        await using var rig = await PushRig.StartAsync(PushRig.OptionsFor(receiver.Url));
        var events = new CallEvents();
        var registry = new CallRegistry(rig.Time, events);
        using var source = new CallStatePushSource(events, rig.Queue);

        var call = registry.Create(new CallSetup
        {
            CallerE164 = "1001",
            CalleeE164 = "1002",
            CallerIp = "198.51.100.7",
            CallerLocalIp = "192.0.2.1",
            CallerSipCallId = "abc@198.51.100.7",
            TransactionId = "tx-1",
        });
        call.SetCalleeLeg(new CalleeLeg { CalleeIp = "198.51.100.8", CalleeLocalIp = "192.0.2.1", CalleeGateway = "gw-out" });
        call.Fire(CallTrigger.InviteSent);
        call.Fire(CallTrigger.TryingReceived);
        call.Fire(CallTrigger.RingingReceived);
        call.Fire(CallTrigger.Answered);
        var endedAt = rig.Time.GetUtcNow();
        call.End(EndReason.CallerHangup);
        await rig.UntilAsync(() => rig.Stats.Delivered == 6 && rig.Stats.Pending == 0, "six reports");

        var pushes = receiver.Deduplicated();
        Assert.That(pushes.Select(p => p.Page), Has.All.EqualTo("CallStateReport"));
        Assert.That(pushes.Select(p => p.Json.GetProperty("callState").GetInt32()),
            Is.EqualTo(new[] { -18, -7, -8, -11, -12, -13 }));
        var last = pushes[^1].Json;
        Assert.That(last.GetProperty("callId").GetInt64(), Is.EqualTo(call.CallId));
        Assert.That(last.GetProperty("callerE164").GetString(), Is.EqualTo("1001"));
        Assert.That(last.GetProperty("calleeE164").GetString(), Is.EqualTo("1002"));
        Assert.That(last.GetProperty("callerIp").GetString(), Is.EqualTo("198.51.100.7"));
        Assert.That(last.GetProperty("calleeIp").GetString(), Is.EqualTo("198.51.100.8"));
        Assert.That(last.GetProperty("callerLocalIp").GetString(), Is.EqualTo("192.0.2.1"));
        Assert.That(last.GetProperty("calleeLocalIp").GetString(), Is.EqualTo("192.0.2.1"));
        Assert.That(last.GetProperty("calleeGatewayId").GetString(), Is.EqualTo("gw-out"));
        Assert.That(last.TryGetProperty("callerGatewayId", out _), Is.False, "optional and unset: left out");
        Assert.That(last.GetProperty("transactionId").GetString(), Is.EqualTo("tx-1"));
        Assert.That(last.GetProperty("callIdentifier").GetString(), Is.EqualTo("abc@198.51.100.7"));
        Assert.That(last.GetProperty("eventTime").GetInt64(), Is.EqualTo(endedAt.ToUnixTimeMilliseconds()));
    }
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Hosting;
using Softswitch.Core.Calls;
using Softswitch.Tests.EndToEnd.Support;
using Softswitch.Sip;

namespace Softswitch.Tests.EndToEnd;

/// <summary>
/// Calls through the real switch with SIPp on both sides (issue "Calls"): A authenticates on the INVITE, B is a
/// SIPp server registered from its own port. Each test checks the SIP outcome, the CDR, and that nothing leaked.
/// </summary>
[NonParallelizable]
public class CallEndToEndTests
{
    private SwitchHost _switch = null!;
    private CallBed _bed = null!;

    private async Task StartAsync(Dictionary<string, string?>? config = null)
    {
        _switch = await SwitchHost.StartAsync(config ?? new Dictionary<string, string?>(), "--no-demo");
        _bed = await CallBed.CreateAsync(_switch);
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_switch is not null)
        {
            await _switch.DisposeAsync();
        }
    }

    private SipHostedService Sip => _switch.Services.GetRequiredService<SipHostedService>();

    /// <summary>No live call, no relay session, every port back in the pool.</summary>
    private async Task AssertNothingLeftAsync()
    {
        for (int i = 0; i < 50 && (Sip.Engine.B2bua.ActiveCalls > 0 || Sip.Engine.Relay.ActiveSessions > 0); i++)
        {
            await Task.Delay(100);
        }
        Assert.That(Sip.Engine.B2bua.ActiveCalls, Is.Zero, "live calls");
        Assert.That(Sip.Engine.Relay.ActiveSessions, Is.Zero, "relay sessions");
        Assert.That(Sip.Engine.Relay.Ports.Available, Is.EqualTo(Sip.Engine.Relay.Ports.Capacity), "relay ports");
        var performance = await _switch.PostAsync("GetPerformance", new { });
        Assert.That(performance.GetProperty("infoPerformance").GetProperty("callSize").GetInt32(), Is.Zero);
    }

    private static int EndReasonOf(JsonElement cdr) => cdr.GetProperty("endReason").GetInt32();

    [Test]
    public async Task FortyCallsAtTenPerSecondAllSucceedWithOneCdrEach()
    {
        await StartAsync();
        await _bed.RegisterCalleeAsync();
        JsonElement live = default;
        var (caller, callee) = await _bed.CallAsync("uac_auth.xml", BuiltInUas, calls: 40, rate: 10, holdMs: 1000,
            during: async () =>
            {
                await Task.Delay(1500);
                live = await _switch.PostAsync("GetCurrentCall", new { });
            });
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);

        var calls = live.GetProperty("infoCurrentCalls").EnumerateArray().ToArray();
        Assert.That(calls, Is.Not.Empty, "calls are listed while they are up");
        Assert.That(calls.Any(c => c.GetProperty("keepTime").GetInt64() >= 0), Is.True, live.ToString());
        Assert.That(calls.All(c => c.GetProperty("callId").ValueKind == JsonValueKind.Number), Is.True);

        var cdrs = await _bed.WaitForCdrsAsync(40);
        Assert.That(cdrs, Has.Length.EqualTo(40));
        Assert.That(cdrs.Select(c => c.GetProperty("calleeE164").GetString()), Is.All.EqualTo(CallBed.CalleeE164));
        Assert.That(cdrs.Select(EndReasonOf), Is.All.EqualTo((int)EndReason.CallerHangup));
        await AssertNothingLeftAsync();
    }

    /// <summary>SIPp's built-in UAS: 180, 200 with SDP, then waits for BYE.</summary>
    private const string BuiltInUas = "uas_builtin";

    [Test]
    public async Task BusyCalleeGives486AndACdr()
    {
        await StartAsync();
        await _bed.RegisterCalleeAsync();
        var (caller, callee) = await _bed.CallAsync("uac_auth_refused.xml", "uas_busy.xml");
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        var cdr = (await _bed.WaitForCdrsAsync(1)).Single();
        Assert.That(EndReasonOf(cdr), Is.EqualTo((int)EndReason.CalleeBusy));
        Assert.That(cdr.GetProperty("endDirection").GetInt32(), Is.EqualTo(1));
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task UnansweredCallIsCancelledAtTheRingingTimeoutAndSeenRinging()
    {
        await StartAsync(new() { ["calls:timeoutRingingSeconds"] = "2" });
        await _bed.RegisterCalleeAsync();
        JsonElement ringing = default;
        var (caller, callee) = await _bed.CallAsync("uac_auth_refused.xml", "uas_ring.xml", during: async () =>
        {
            await Task.Delay(1200);
            ringing = await _switch.PostAsync("GetCurrentCall", new { });
        });
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, "the callee got CANCEL: " + callee.Output + callee.Errors);
        var call = ringing.GetProperty("infoCurrentCalls").EnumerateArray().Single();
        Assert.That(call.GetProperty("keepTime").GetInt64(), Is.EqualTo((long)CallState.Ringing));
        Assert.That(EndReasonOf((await _bed.WaitForCdrsAsync(1)).Single()), Is.EqualTo((int)EndReason.NoAnswer));
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task CallerCancelWhileRinging()
    {
        await StartAsync();
        await _bed.RegisterCalleeAsync();
        var (caller, callee) = await _bed.CallAsync("uac_auth_cancel.xml", "uas_ring.xml");
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        Assert.That(EndReasonOf((await _bed.WaitForCdrsAsync(1)).Single()), Is.EqualTo((int)EndReason.CallerCancelled));
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task CalleeHangsUp()
    {
        await StartAsync();
        await _bed.RegisterCalleeAsync();
        var (caller, callee) = await _bed.CallAsync("uac_auth_callee_bye.xml", "uas_hangup.xml");
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        var cdr = (await _bed.WaitForCdrsAsync(1)).Single();
        Assert.That(EndReasonOf(cdr), Is.EqualTo((int)EndReason.CalleeHangup));
        Assert.That(cdr.GetProperty("endDirection").GetInt32(), Is.EqualTo(1));
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task ReInviteForHoldIsRelayed()
    {
        await StartAsync();
        await _bed.RegisterCalleeAsync();
        var (caller, callee) = await _bed.CallAsync("uac_auth_reinvite.xml", "uas_reinvite.xml");
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        Assert.That(EndReasonOf((await _bed.WaitForCdrsAsync(1)).Single()), Is.EqualTo((int)EndReason.CallerHangup));
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task InfoWithDtmfIsRelayedToTheCallee()
    {
        await StartAsync();
        await _bed.RegisterCalleeAsync();
        var (caller, callee) = await _bed.CallAsync("uac_auth_info.xml", "uas_info.xml");
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, "the callee got the INFO with Signal=5: " + callee.Output + callee.Errors);
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task UnknownNumberGets404AndACdr()
    {
        await StartAsync();
        var caller = await _bed.CallerAsync("uac_auth_refused.xml", dialled: "99999999");
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        var cdr = (await _bed.WaitForCdrsAsync(1)).Single();
        Assert.That(EndReasonOf(cdr), Is.EqualTo((int)EndReason.NumberNotFound));
        Assert.That(cdr.GetProperty("calleeE164").GetString(), Is.EqualTo("99999999"));
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task UnregisteredCalleeGets480()
    {
        await StartAsync();
        var caller = await _bed.CallerAsync("uac_auth_refused.xml");
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(EndReasonOf((await _bed.WaitForCdrsAsync(1)).Single()), Is.EqualTo((int)EndReason.CalleeNotRegistered));
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task MalformedSdpGets488()
    {
        await StartAsync();
        await _bed.RegisterCalleeAsync();
        string scenario = Path.Combine(Path.GetTempPath(), $"bad-sdp-{Guid.NewGuid():N}.xml");
        string text = await File.ReadAllTextAsync(SippRunner.ScenarioPath("uac_auth_refused.xml"));
        await File.WriteAllTextAsync(scenario, text.Replace("m=audio [media_port] RTP/AVP 0 8", "m=audio notaport RTP/AVP 0 8"));
        var caller = await _bed.CallerAsync(scenario);
        File.Delete(scenario);
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(EndReasonOf((await _bed.WaitForCdrsAsync(1)).Single()), Is.EqualTo((int)EndReason.NotAcceptable));
        await AssertNothingLeftAsync();
    }
}

/// <summary>Calls the switch itself ends: management, media timeout, maximum duration — BYE on both legs.</summary>
[NonParallelizable]
public class SwitchEndedCallEndToEndTests
{
    private SwitchHost _switch = null!;

    [TearDown]
    public async Task TearDown() => await _switch.DisposeAsync();

    private async Task<(SippRunner.Result Caller, SippRunner.Result Callee, JsonElement Cdr)> RunAsync(
        Dictionary<string, string?> config, Func<Task>? during = null)
    {
        _switch = await SwitchHost.StartAsync(config, "--no-demo");
        var bed = await CallBed.CreateAsync(_switch);
        await bed.RegisterCalleeAsync();
        // Both scenarios wait for the switch's BYE: the caller one, and SIPp's built-in UAS.
        var (caller, callee) = await bed.CallAsync("uac_auth_callee_bye.xml", "uas_builtin", during: during);
        return (caller, callee, (await bed.WaitForCdrsAsync(1)).Single());
    }

    [Test]
    public async Task DisconnectCurrentCallSendsByeToBothLegs()
    {
        var (caller, callee, cdr) = await RunAsync([], async () =>
        {
            JsonElement[] calls = [];
            for (int i = 0; i < 50 && calls.Length == 0; i++)
            {
                await Task.Delay(100);
                calls = (await _switch.PostAsync("GetCurrentCall", new { })).GetProperty("infoCurrentCalls").EnumerateArray()
                    .Where(c => c.GetProperty("keepTime").GetInt64() >= 0).ToArray();
            }
            Assert.That(calls, Has.Length.EqualTo(1), "the call is connected");
            var answer = await _switch.PostAsync("DisconnectCurrentCall", new { callIds = new[] { calls[0].GetProperty("callId").GetInt64() } });
            Assert.That(answer.GetProperty("retCode").GetInt32(), Is.Zero, answer.ToString());
        });
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.DisconnectedByManagement));
        Assert.That(cdr.GetProperty("endDirection").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task NoRtpEndsTheCallAtTheMediaTimeout()
    {
        var (caller, callee, cdr) = await RunAsync(new() { ["calls:mediaTimeoutSeconds"] = "2" });
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.NoMedia));
    }

    [Test]
    public async Task SessionTimerExpiryWithoutRefreshEndsTheCall()
    {
        // RFC 4028: both ends ask for timers (Session-Expires 90, the minimum), nobody refreshes: BYE both legs at 90 s.
        _switch = await SwitchHost.StartAsync(new Dictionary<string, string?> { ["calls:mediaTimeoutSeconds"] = "0" }, "--no-demo");
        var bed = await CallBed.CreateAsync(_switch);
        await bed.RegisterCalleeAsync();
        var started = DateTime.UtcNow;
        var (caller, callee) = await bed.CallAsync("uac_auth_session_timer.xml", "uas_session_timer.xml", sippTimeoutSeconds: 150);
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        Assert.That(DateTime.UtcNow - started, Is.GreaterThan(TimeSpan.FromSeconds(89)), "not before the session interval");
        var cdr = (await bed.WaitForCdrsAsync(1)).Single();
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.SessionTimerExpired));
    }

    [Test]
    public async Task MaximumDurationEndsZombieCalls()
    {
        var (caller, callee, cdr) = await RunAsync(new() { ["calls:maxCallDurationSeconds"] = "2", ["calls:mediaTimeoutSeconds"] = "0" });
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.MaxDurationReached));
    }
}

/// <summary>Legs that disappear are cleaned up by timeouts: nothing leaks (issue "Calls", bad input and faults).</summary>
[NonParallelizable]
public class VanishingLegEndToEndTests
{
    [Test]
    public async Task CallerThatNeverAcksIsHungUpAfter64T1WithNothingLeft()
    {
        // T1 = 50 ms makes 64*T1 = 3.2 s: the 200 is retransmitted, then both legs get BYE (RFC 3261 §13.3.1.4).
        await using var host = await SwitchHost.StartAsync(new Dictionary<string, string?> { ["sip:timers:T1"] = "00:00:00.05" }, "--no-demo");
        var bed = await CallBed.CreateAsync(host);
        await bed.RegisterCalleeAsync();
        var (caller, callee) = await bed.CallAsync("uac_auth_no_ack.xml", "uas_builtin");
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, "the callee got BYE: " + callee.Output + callee.Errors);
        var cdr = (await bed.WaitForCdrsAsync(1)).Single();
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.AckTimeout));

        var sip = host.Services.GetRequiredService<SipHostedService>().Engine;
        for (int i = 0; i < 100 && (sip.B2bua.ActiveCalls > 0 || sip.Relay.ActiveSessions > 0 || sip.Transactions.Count > 0); i++)
        {
            await Task.Delay(100);
        }
        Assert.That(sip.B2bua.ActiveCalls, Is.Zero);
        Assert.That(sip.Relay.Ports.Available, Is.EqualTo(sip.Relay.Ports.Capacity));
        Assert.That(sip.Transactions.Count, Is.Zero, "the unanswered BYE's transaction timed out and left the table");
    }
}

/// <summary>Phone rights and limits (VOS3000 lockType, lineCallIn/lineCallOut, dids) enforced on calls.</summary>
[NonParallelizable]
public class CallAdmissionEndToEndTests
{
    private SwitchHost _switch = null!;
    private CallBed _bed = null!;

    [SetUp]
    public async Task SetUp()
    {
        _switch = await SwitchHost.StartAsync("--no-demo");
        _bed = await CallBed.CreateAsync(_switch);
    }

    [TearDown]
    public async Task TearDown() => await _switch.DisposeAsync();

    private async Task ModifyAsync(string e164, object fields)
    {
        var json = JsonSerializer.SerializeToElement(fields);
        var body = new Dictionary<string, object> { ["e164"] = e164 };
        foreach (var property in json.EnumerateObject())
        {
            body[property.Name] = property.Value;
        }
        var answer = await _switch.PostAsync("ModifyPhone", body);
        Assert.That(answer.GetProperty("retCode").GetInt32(), Is.Zero, answer.ToString());
    }

    private async Task<int> RefusedEndReasonAsync(string? dialled = null)
    {
        var caller = await _bed.CallerAsync("uac_auth_refused.xml", dialled: dialled);
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        return (await _bed.WaitForCdrsAsync(1)).Single().GetProperty("endReason").GetInt32();
    }

    [Test]
    public async Task CallerLockedForOutCallsGets403()
    {
        await _bed.RegisterCalleeAsync();
        await ModifyAsync(CallBed.CallerE164, new { lockType = 1 });
        Assert.That(await RefusedEndReasonAsync(), Is.EqualTo((int)EndReason.CallerForbidden));
    }

    [Test]
    public async Task CalleeLockedForInCallsGets403()
    {
        await _bed.RegisterCalleeAsync();
        await ModifyAsync(CallBed.CalleeE164, new { lockType = 2 });
        Assert.That(await RefusedEndReasonAsync(), Is.EqualTo((int)EndReason.CalleeLocked));
    }

    [Test]
    public async Task CalleeLineLimitGets486WhileItIsInACall()
    {
        await ModifyAsync(CallBed.CalleeE164, new { lineCallIn = 1 });
        await _bed.RegisterCalleeAsync();
        // The first call holds the callee's only line for 3 s; the second one arrives meanwhile.
        var first = _bed.CallAsync("uac_auth.xml", "uas_builtin", holdMs: 3000);
        await Task.Delay(1500);
        var second = await _bed.CallerAsync("uac_auth_refused.xml");
        var (caller, callee) = await first;
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(second.ExitCode, Is.Zero, second.Output + second.Errors);
        var reasons = (await _bed.WaitForCdrsAsync(2)).Select(c => c.GetProperty("endReason").GetInt32()).ToArray();
        Assert.That(reasons, Does.Contain((int)EndReason.CalleeLineLimit));
        Assert.That(reasons, Does.Contain((int)EndReason.CallerHangup));
    }

    [Test]
    public async Task DialledDidReachesItsPhone()
    {
        await ModifyAsync(CallBed.CalleeE164, new { dids = "4008001234" });
        await _bed.RegisterCalleeAsync();
        var (caller, callee) = await _bed.CallAsync("uac_auth.xml", "uas_builtin", dialled: "4008001234");
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        var cdr = (await _bed.WaitForCdrsAsync(1)).Single();
        Assert.That(cdr.GetProperty("calleeE164").GetString(), Is.EqualTo(CallBed.CalleeE164));
        Assert.That(cdr.GetProperty("calleeAccessE164").GetString(), Is.EqualTo("4008001234"));
    }
}

/// <summary>Shutdown ends calls cleanly: BYE on both legs, and their CDRs are on disk before the process is gone.</summary>
[NonParallelizable]
public class ShutdownEndToEndTests
{
    [Test]
    public async Task StoppingTheSwitchByesLiveCallsAndFlushesTheirCdrs()
    {
        var host = await SwitchHost.StartAsync("--no-demo");
        try
        {
            var bed = await CallBed.CreateAsync(host);
            await bed.RegisterCalleeAsync();
            var (caller, callee) = await bed.CallAsync("uac_auth_callee_bye.xml", "uas_builtin", during: async () =>
            {
                for (int i = 0; i < 50; i++)
                {
                    var calls = (await host.PostAsync("GetCurrentCall", new { })).GetProperty("infoCurrentCalls").EnumerateArray();
                    if (calls.Any(c => c.GetProperty("keepTime").GetInt64() >= 0))
                    {
                        break;
                    }
                    await Task.Delay(100);
                }
                await host.StopAsync();
            });
            Assert.That(caller.ExitCode, Is.Zero, "caller got BYE: " + caller.Output + caller.Errors);
            Assert.That(callee.ExitCode, Is.Zero, "callee got BYE: " + callee.Output + callee.Errors);

            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.DatabasePath}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT endReason FROM cdrs";
            var reasons = new List<long>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    reasons.Add(reader.GetInt64(0));
                }
            }
            Assert.That(reasons, Is.EqualTo(new[] { (long)EndReason.ServerShutdown }));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}

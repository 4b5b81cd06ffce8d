using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Hosting;
using Softswitch.Core.Calls;
using Softswitch.Tests.EndToEnd.Support;
using Softswitch.Sip;

namespace Softswitch.Tests.EndToEnd;

/// <summary>Calls the switch itself ends: management, media timeout, maximum duration — BYE on both legs.</summary>
[Category("EndToEnd")]
[NonParallelizable]
public class SwitchEndedCallEndToEndTests
{
    private SwitchHost _switch = null!;

    [TearDown]
    public async Task TearDown() => await _switch.DisposeAsync();

    private CallBed _bed = null!;

    private async Task<(SippRunner.Result Caller, SippRunner.Result Callee, JsonElement Cdr)> RunAsync(
        Dictionary<string, string?> config, Func<Task>? during = null)
    {
        _switch = await SwitchHost.StartAsync(config, "--no-demo");
        var bed = _bed = await CallBed.CreateAsync(_switch);
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
            var calls = (await _bed.WaitForCurrentCallsAsync(CallBed.Connected)).Where(CallBed.Connected).ToArray();
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
        // RFC 4028: both ends ask for timers, nobody refreshes: BYE both legs when the session interval passes. The
        // RFC's 90 s minimum is lowered (calls.minSessionExpiresSeconds) so the test takes seconds, not minutes.
        const int interval = 3;
        _switch = await SwitchHost.StartAsync(new Dictionary<string, string?>
        {
            ["calls:mediaTimeoutSeconds"] = "0",
            ["calls:minSessionExpiresSeconds"] = "2",
        }, "--no-demo");
        var bed = await CallBed.CreateAsync(_switch);
        await bed.RegisterCalleeAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (caller, callee) = await bed.CallAsync("uac_auth_session_timer.xml", "uas_session_timer.xml",
            sippArguments: ["-key", "session_expires", interval.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        Assert.That(started.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(interval - 0.5)), "not before the session interval");
        var cdr = (await bed.WaitForCdrsAsync(1)).Single();
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.SessionTimerExpired));
    }

    [Test]
    public async Task SessionIntervalBelowTheMinimumIsNotTimed()
    {
        // Session-Expires 3 is under calls.minSessionExpiresSeconds 6: no session timer, so the 5 s maximum duration ends the call.
        _switch = await SwitchHost.StartAsync(new Dictionary<string, string?>
        {
            ["calls:mediaTimeoutSeconds"] = "0",
            ["calls:minSessionExpiresSeconds"] = "6",
            ["calls:maxCallDurationSeconds"] = "5",
        }, "--no-demo");
        var bed = await CallBed.CreateAsync(_switch);
        await bed.RegisterCalleeAsync();
        var (caller, callee) = await bed.CallAsync("uac_auth_session_timer.xml", "uas_session_timer.xml",
            sippArguments: ["-key", "session_expires", "3"]);
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        var cdr = (await bed.WaitForCdrsAsync(1)).Single();
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.MaxDurationReached));
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

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
[Category("EndToEnd")]
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
        await Eventually.UntilAsync(() => Sip.Engine.B2bua.ActiveCalls == 0 && Sip.Engine.Relay.ActiveSessions == 0);
        Assert.That(Sip.Engine.B2bua.ActiveCalls, Is.Zero, "live calls");
        Assert.That(Sip.Engine.Relay.ActiveSessions, Is.Zero, "relay sessions");
        Assert.That(Sip.Engine.Relay.Ports.Available, Is.EqualTo(Sip.Engine.Relay.Ports.Capacity), "relay ports");
        var performance = await _switch.PostAsync("GetPerformance", new { });
        Assert.That(performance.GetProperty("infoPerformance").GetProperty("callSize").GetInt32(), Is.Zero);
        Assert.That(performance.GetProperty("infoPerformance").GetProperty("overloadShed").GetInt64(), Is.Zero,
            "a light load is never shed, however busy the test machine (docs/hardening.md \"Overload\")");
    }

    private static int EndReasonOf(JsonElement cdr) => cdr.GetProperty("endReason").GetInt32();

    [Test]
    public async Task FortyCallsAtTenPerSecondAllSucceedWithOneCdrEach()
    {
        await StartAsync();
        await _bed.RegisterCalleeAsync();
        JsonElement[] calls = [];
        var (caller, callee) = await _bed.CallAsync("uac_auth.xml", BuiltInUas, calls: 40, rate: 10, holdMs: 1000,
            during: async () => calls = await _bed.WaitForCurrentCallsAsync(CallBed.Connected));
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);

        Assert.That(calls, Is.Not.Empty, "calls are listed while they are up");
        Assert.That(calls.Any(CallBed.Connected), Is.True, string.Join(",", calls));
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
        JsonElement[] ringing = [];
        var (caller, callee) = await _bed.CallAsync("uac_auth_refused.xml", "uas_ring.xml", during: async () =>
            ringing = await _bed.WaitForCurrentCallsAsync(c => c.GetProperty("keepTime").GetInt64() == (long)CallState.Ringing));
        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, "the callee got CANCEL: " + callee.Output + callee.Errors);
        var call = ringing.Single();
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

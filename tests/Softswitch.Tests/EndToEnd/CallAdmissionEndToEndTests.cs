using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Hosting;
using Softswitch.Core.Calls;
using Softswitch.Tests.EndToEnd.Support;
using Softswitch.Sip;

namespace Softswitch.Tests.EndToEnd;

/// <summary>Phone rights and limits (VOS3000 lockType, lineCallIn/lineCallOut, dids) enforced on calls.</summary>
[Category("EndToEnd")]
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
        // The first call holds the callee's only line for 3 s; the second one is placed once the first is connected.
        var first = _bed.CallAsync("uac_auth.xml", "uas_builtin", holdMs: 3000);
        var live = await _bed.WaitForCurrentCallsAsync(CallBed.Connected);
        Assert.That(live.Count(CallBed.Connected), Is.EqualTo(1), "the first call is connected");
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

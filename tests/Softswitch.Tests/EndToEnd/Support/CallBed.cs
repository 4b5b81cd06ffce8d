using System.Text.Json;

namespace Softswitch.Tests.EndToEnd.Support;

/// <summary>
/// Two phones on a running switch for call tests: A calls with a SIPp client scenario (digest on the INVITE),
/// B is a SIPp server scenario registered from its own port, as the acceptance contract describes.
/// </summary>
public sealed class CallBed
{
    private readonly SwitchHost _switch;
    private readonly string _callerCsv;

    private CallBed(SwitchHost host, string callerCsv)
    {
        _switch = host;
        _callerCsv = callerCsv;
    }

    public const string Account = "acme";
    public const string CallerE164 = "8613900000001";
    public const string CallerPassword = "caller-secret";
    public const string CalleeE164 = "8613900000002";
    public const string CalleePassword = "callee-secret";

    public int CalleePort { get; private set; }

    public static async Task<CallBed> CreateAsync(SwitchHost host)
    {
        await Expect(host.PostAsync("CreateCustomer", new { account = Account, name = "Acme" }));
        await Expect(host.PostAsync("CreatePhone", new { autoCreateAccount = false, e164 = CallerE164, account = Account, password = CallerPassword }));
        await Expect(host.PostAsync("CreatePhone", new { autoCreateAccount = false, e164 = CalleeE164, account = Account, password = CalleePassword }));
        string csv = Path.Combine(Path.GetTempPath(), $"caller-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, $"SEQUENTIAL\n{CallerE164};\n");
        return new CallBed(host, csv);
    }

    /// <summary>Registers B from a fresh port (its Contact on its own address), so INVITEs for B go there.</summary>
    public async Task RegisterCalleeAsync()
    {
        CalleePort = SippRunner.FreePort();
        var run = await SippRunner.RunAtAsync(_switch.SipPort, CalleePort, "register.xml", "-s", CalleeE164, "-au", CalleeE164, "-ap", CalleePassword);
        Assert.That(run.ExitCode, Is.Zero, "callee registration: " + run.Output + run.Errors);
    }

    /// <summary>
    /// Runs <paramref name="calls"/> calls from A to B; the callee scenario must handle each one. <paramref name="sippArguments"/>
    /// go to both SIPp instances, <paramref name="callerExtra"/> to the caller only.
    /// </summary>
    public async Task<(SippRunner.Result Caller, SippRunner.Result Callee)> CallAsync(
        string callerScenario, string calleeScenario, int calls = 1, int rate = 10, int holdMs = 1000, Func<Task>? during = null, string? dialled = null,
        int sippTimeoutSeconds = 30, IEnumerable<string>? callerExtra = null, params string[] sippArguments)
    {
        string limit = sippTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "s";
        var callee = SippRunner.StartServerAsync(CalleePort, calleeScenario, calls,
            ["-d", holdMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "-timeout", limit, .. sippArguments]);
        // The INVITE must not reach the callee's port before SIPp has bound it.
        bool listening = await Eventually.UntilAsync(() => callee.IsCompleted || SippRunner.IsListening(CalleePort));
        if (callee.IsCompleted)
        {
            var early = await callee;
            Assert.Fail($"the callee SIPp ended before the call (exit {early.ExitCode}): {early.Output}{early.Errors}");
        }
        Assert.That(listening, Is.True, $"the callee SIPp did not bind port {CalleePort}");
        var caller = CallerAsync(callerScenario, calls, rate, holdMs, dialled, limit, [.. sippArguments, .. callerExtra ?? []]);
        if (during is not null)
        {
            await during();
        }
        return (await caller, await callee);
    }

    public Task<SippRunner.Result> CallerAsync(string scenario, int calls = 1, int rate = 10, int holdMs = 1000, string? dialled = null, string limit = "30s",
        params string[] sippArguments) =>
        SippRunner.RunAsync(_switch.SipPort, scenario, ["-timeout", limit, "-s", dialled ?? CalleeE164, "-au", CallerE164, "-ap", CallerPassword,
            "-inf", _callerCsv, "-m", calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-r", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-d", holdMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. sippArguments]);

    public async Task<JsonElement[]> CdrsAsync()
    {
        // From yesterday: a call that started just before midnight (UTC) has its CDR filed under that day.
        string today = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var answer = await _switch.PostAsync("GetCdr", new { accounts = new[] { Account }, beginTime = DateTime.UtcNow.AddDays(-1).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), endTime = today });
        Assert.That(answer.GetProperty("retCode").GetInt32(), Is.Zero, answer.ToString());
        return answer.GetProperty("infoCdrs").EnumerateArray().ToArray();
    }

    /// <summary>CDRs are written in batches: waits until <paramref name="count"/> are there (or the time is up).</summary>
    public Task<JsonElement[]> WaitForCdrsAsync(int count) => Eventually.ReadUntilAsync(CdrsAsync, cdrs => cdrs.Length >= count);

    /// <summary>The live calls (GetCurrentCall).</summary>
    public async Task<JsonElement[]> CurrentCallsAsync()
    {
        var answer = await _switch.PostAsync("GetCurrentCall", new { });
        Assert.That(answer.GetProperty("retCode").GetInt32(), Is.Zero, answer.ToString());
        return answer.GetProperty("infoCurrentCalls").EnumerateArray().ToArray();
    }

    /// <summary>The live calls once one of them satisfies <paramref name="which"/>, or the last list read at the deadline.</summary>
    public Task<JsonElement[]> WaitForCurrentCallsAsync(Func<JsonElement, bool> which) =>
        Eventually.ReadUntilAsync(CurrentCallsAsync, calls => calls.Any(which));

    /// <summary>A live call that is connected: keepTime then reports the duration, >= 0 (VOS3000 keepTime).</summary>
    public static bool Connected(JsonElement call) => call.GetProperty("keepTime").GetInt64() >= 0;

    private static async Task Expect(Task<JsonElement> answer)
    {
        var json = await answer;
        Assert.That(json.GetProperty("retCode").GetInt32(), Is.Zero, json.ToString());
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Softswitch.Tests.EndToEnd.Support;

/// <summary>
/// The switch as its own process (the built Softswitch.Api.dll run with `dotnet`), on ephemeral ports, for what only
/// a real process shows: the start-up banner, signals and the exit code.
/// </summary>
public sealed partial class SwitchProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SwitchProcess(Process process) => _process = process;

    public int SipPort { get; private set; }

    public int HttpPort { get; private set; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static Task<SwitchProcess> StartAsync(string dbPath, params string[] extra) => StartAsync(dbPath, null, extra);

    /// <summary>
    /// Starts the switch with its open-file limit (soft and hard, RLIMIT_NOFILE) set to <paramref name="openFiles"/>
    /// by prlimit(1), so descriptor exhaustion can be reached with a few hundred connections.
    /// </summary>
    public static Task<SwitchProcess> StartWithFileLimitAsync(string dbPath, int openFiles, params string[] extra) =>
        StartAsync(dbPath, openFiles, extra);

    private static async Task<SwitchProcess> StartAsync(string dbPath, int? openFiles, string[] extra)
    {
        var psi = new ProcessStartInfo(openFiles is null ? "dotnet" : "prlimit")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dbPath)!,
        };
        if (openFiles is { } limit)
        {
            psi.ArgumentList.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--nofile={limit}:{limit}"));
            psi.ArgumentList.Add("--");
            psi.ArgumentList.Add("dotnet");
        }
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "Softswitch.Api.dll"), "--sip-port", "0", "--http-port", "0", "--bind", "127.0.0.1", "--db", dbPath }.Concat(extra))
        {
            psi.ArgumentList.Add(a);
        }
        var sp = new SwitchProcess(Process.Start(psi)!);
        sp._process.OutputDataReceived += (_, e) => sp.OnLine(e.Data);
        sp._process.ErrorDataReceived += (_, e) => sp.OnLine(e.Data);
        sp._process.BeginOutputReadLine();
        sp._process.BeginErrorReadLine();
        sp._process.EnableRaisingEvents = true;
        sp._process.Exited += (_, _) => sp._ready.TrySetException(new InvalidOperationException("the switch exited during start-up"));
        var started = await Task.WhenAny(sp._ready.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        if (started != sp._ready.Task || !sp._ready.Task.IsCompletedSuccessfully)
        {
            sp.Dispose();
            Assert.Fail("the switch did not print its listening lines (within 30 s):\n" + sp.Output);
        }
        return sp;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
        }
        if (SipLine().Match(line) is { Success: true } sip)
        {
            SipPort = int.Parse(sip.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (HttpLine().Match(line) is { Success: true } http)
        {
            HttpPort = int.Parse(http.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (SipPort > 0 && HttpPort > 0)
        {
            _ready.TrySetResult();
        }
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; false when the deadline passed first.</summary>
    public Task<bool> WaitForOutputAsync(string text) => Eventually.UntilAsync(() => Output.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// The host's "Application started" line, logged after the start-up banner (whose callback runs first): once it
    /// is there, everything the banner prints is too.
    /// </summary>
    public const string StartedLine = "Application started.";

    /// <summary>Sends SIGTERM (or SIGINT) and waits for the exit code; null when it did not exit in time.</summary>
    public async Task<int?> SignalAndWaitAsync(int signal, TimeSpan timeout)
    {
        _ = Kill(_process.Id, signal);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would: no shutdown code runs. Returns once the process is gone.</summary>
    public async Task KillHardAsync()
    {
        _ = Kill(_process.Id, SigKill);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            if (_process.WaitForExit(5000))
            {
                _process.WaitForExit(); // and the last redirected lines, so Output is complete
            }
        }
        _process.Dispose();
    }

    public const int SigInt = 2;
    public const int SigTerm = 15;
    public const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [GeneratedRegex(@"SIP listening on udp\+tcp \S+:(\d+)")]
    private static partial Regex SipLine();

    [GeneratedRegex(@"HTTP listening on http://[^:]+:(\d+)")]
    private static partial Regex HttpLine();
}

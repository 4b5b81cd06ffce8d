using System.Diagnostics;
using System.Text;

namespace Softswitch.Tests.EndToEnd.Support;

/// <summary>
/// The built switch run as a child process in a chosen working directory and environment, until it exits or prints
/// a wanted line: for what only the process shows (exit codes, stderr, files it creates).
/// </summary>
public sealed class SwitchRun : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private SwitchRun(Process process) => _process = process;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static SwitchRun Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Softswitch.Api.dll"));
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }
        // The test run's own SOFTSWITCH_* variables (SOFTSWITCH_UPDATE_DOCS) must not leak into the switch.
        foreach (string name in psi.Environment.Keys.Where(k => k.StartsWith("SOFTSWITCH_", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[name] = value;
        }
        var run = new SwitchRun(Process.Start(psi)!);
        run._process.OutputDataReceived += (_, e) => Append(run._stdout, e.Data);
        run._process.ErrorDataReceived += (_, e) => Append(run._stderr, e.Data);
        run._process.BeginOutputReadLine();
        run._process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Runs to the end; fails the test if it is still running after a minute.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var run = Start(workingDirectory, environment, args);
        int? exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.That(exit, Is.Not.Null, "the switch did not exit within 60 s:\n" + run.Stdout + run.Stderr);
        return (exit!.Value, run.Stdout, run.Stderr);
    }

    /// <summary>Waits until stdout holds <paramref name="text"/>; false if the process exited or time ran out first.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Stdout.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                return Stdout.Contains(text, StringComparison.Ordinal);
            }
            await Task.Delay(50);
        }
        return true;
    }

    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            _process.WaitForExit(); // drains the redirected streams
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }
}

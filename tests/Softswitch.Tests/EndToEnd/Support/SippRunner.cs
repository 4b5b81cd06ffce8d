using System.Diagnostics;

namespace Softswitch.Tests.EndToEnd.Support;

/// <summary>Runs SIPp (Debian package sip-tester) against the switch on loopback, with an ephemeral local port.</summary>
public static class SippRunner
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static string ScenarioPath(string name) => Path.IsPathRooted(name) ? name : Path.Combine(AppContext.BaseDirectory, "conf", "sipp", name);

    /// <summary>Fails the test with a clear message when sipp is missing: these tests never skip silently.</summary>
    public static string RequireSipp()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            string candidate = Path.Combine(dir, "sipp");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        Assert.Fail("sipp is not installed: this end-to-end test needs it (apt-get install -y sip-tester; .ci/run installs it).");
        return "";
    }

    /// <summary>
    /// SIPp treats "-p 0" as 5060, so a port free for both UDP and TCP is picked by binding to port 0 first
    /// (the tests never bind a fixed port).
    /// </summary>
    public static int FreePort()
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            using var tcp = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            tcp.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
            int port = ((System.Net.IPEndPoint)tcp.LocalEndPoint!).Port;
            try
            {
                using var udp = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
                udp.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
                return port;
            }
            catch (System.Net.Sockets.SocketException)
            {
            }
        }
        throw new InvalidOperationException("no free port for SIPp");
    }

    /// <summary>Whether something listens on UDP <paramref name="port"/> (a SIPp server that has bound its port).</summary>
    public static bool IsListening(int port) =>
        System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveUdpListeners().Any(e => e.Port == port);

    /// <summary>Runs one SIPp client scenario against the switch (one call unless "-m" is given in extra).</summary>
    public static Task<Result> RunAsync(int switchPort, string scenario, params string[] extra) =>
        RunAtAsync(switchPort, FreePort(), scenario, extra);

    /// <summary>Runs a SIPp client scenario from a given local port (a phone registered from that port).</summary>
    public static Task<Result> RunAtAsync(int switchPort, int localPort, string scenario, params string[] extra)
    {
        string[] args = [$"127.0.0.1:{switchPort}", "-sf", ScenarioPath(scenario), "-p", Port(localPort), .. extra];
        if (!extra.Contains("-m"))
        {
            args = [.. args, "-m", "1"];
        }
        return RunRawAsync(args, TimeSpan.FromSeconds(40));
    }

    /// <summary>Starts a SIPp server scenario (a callee) on a local port; completes when it has handled its calls.</summary>
    public static Task<Result> StartServerAsync(int localPort, string scenario, int calls, params string[] extra) =>
        RunRawAsync([.. scenario == "uas_builtin" ? ["-sn", "uas"] : new[] { "-sf", ScenarioPath(scenario) }, "-p", Port(localPort), "-m", Port(calls), .. extra], TimeSpan.FromSeconds(60));

    private static string Port(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Result> RunRawAsync(string[] arguments, TimeSpan timeout)
    {
        string sipp = RequireSipp();
        string errorFile = Path.Combine(Path.GetTempPath(), $"sipp-{Guid.NewGuid():N}.log");
        var psi = new ProcessStartInfo(sipp)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Defaults first: a "-timeout" given by the test comes later and wins (the last occurrence counts).
        foreach (string a in new[] { "-i", "127.0.0.1", "-nostdin", "-timeout", "30s", "-recv_timeout", "8000", "-trace_err", "-error_file", errorFile }.Concat(arguments))
        {
            psi.ArgumentList.Add(a);
        }
        int given = Array.IndexOf(arguments, "-timeout");
        if (given >= 0 && given + 1 < arguments.Length && int.TryParse(arguments[given + 1].TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture, out int seconds))
        {
            timeout = TimeSpan.FromSeconds(seconds + 30);
        }
        using var process = Process.Start(psi)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, await stdout, "sipp did not finish in time\n" + await stderr);
        }
        string errors = File.Exists(errorFile) ? await File.ReadAllTextAsync(errorFile) : "";
        File.Delete(errorFile);
        return new Result(process.ExitCode, await stdout, (await stderr) + errors);
    }
}

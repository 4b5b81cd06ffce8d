using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Softswitch.Tests.EndToEnd.Support;

/// <summary>
/// One baresip softphone (Debian package baresip) registered to the switch on loopback, with its own temporary
/// config directory (<c>baresip -f DIR</c>). No sound device: audio is sent from a WAV file (aufile), received audio
/// goes to a null player (an unpaired aubridge device) and the sndfile filter dumps what was decoded to
/// <c>dump-*-dec.wav</c> in the config directory, so a test can check what the phone heard.
/// It is driven over the cons module (UDP datagrams such as "/dial 1002"): the stdio module needs a terminal.
/// All of its ports (SIP, SIP/TLS = SIP+1, console, RTP/RTCP) are picked free on 127.0.0.1 by binding to port 0.
/// </summary>
public sealed class BaresipPhone : IAsyncDisposable
{
    private static readonly string[] ModuleDirectories =
    [
        "/usr/lib/baresip/modules", "/usr/lib/x86_64-linux-gnu/baresip/modules", "/usr/lib/aarch64-linux-gnu/baresip/modules",
        "/usr/local/lib/baresip/modules",
    ];

    private static readonly Regex AnsiColour = new(@"\x1b\[[0-9;]*m", RegexOptions.Compiled);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly int _consolePort;

    private BaresipPhone(string e164, string directory, Process process, int sipPort, int consolePort, int rtpPort)
    {
        E164 = e164;
        Directory = directory;
        _process = process;
        SipPort = sipPort;
        _consolePort = consolePort;
        RtpPort = rtpPort;
    }

    public string E164 { get; }

    /// <summary>The config directory: config, accounts, and the sndfile dumps.</summary>
    public string Directory { get; }

    public int SipPort { get; }

    public int RtpPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What baresip printed, without its once-per-frame call status lines.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Fails the test with the install command when baresip is missing: never a silent skip.</summary>
    public static string RequireBaresip()
    {
        string? path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "baresip"))
            .FirstOrDefault(File.Exists);
        if (path is null)
        {
            Assert.Fail("baresip is not installed: apt-get install -y baresip");
        }
        return path!;
    }

    public static string RequireModuleDirectory()
    {
        string? dir = ModuleDirectories.FirstOrDefault(d => File.Exists(Path.Combine(d, "g711.so")));
        if (dir is null)
        {
            Assert.Fail($"baresip modules (g711.so) not found in {string.Join(", ", ModuleDirectories)}: apt-get install -y baresip");
        }
        return dir!;
    }

    /// <summary>
    /// Starts baresip for <paramref name="e164"/>, registering to the switch every 300 s; a callee answers by itself.
    /// </summary>
    public static BaresipPhone Start(string e164, string password, int switchSipPort, string sourceWav, bool autoAnswer)
    {
        string baresip = RequireBaresip();
        string modules = RequireModuleDirectory();
        string dir = Path.Combine(Path.GetTempPath(), $"softswitch-baresip-{e164}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        int sipPort = FreeSipPort();
        int consolePort = SippRunner.FreePort();
        int rtpPort = FreeRtpPort();
        string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(dir, "config"), string.Join('\n',
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{Invariant(sipPort)}",
            // One even port for RTP and the next for RTCP: the range holds exactly the pair picked above.
            $"rtp_ports {Invariant(rtpPort)}-{Invariant(rtpPort + 1)}",
            $"audio_source aufile,{sourceWav}",
            // An aubridge device with no source of the same name: a player that plays nowhere.
            "audio_player aubridge,nil",
            "audio_alert aubridge,nil",
            $"module_path {modules}",
            "module cons.so",
            $"cons_listen 127.0.0.1:{Invariant(consolePort)}",
            "module g711.so",
            "module aufile.so",
            "module aubridge.so",
            "module sndfile.so",
            $"snd_path {dir}",
            "module_app account.so",
            "module_app menu.so",
            ""));
        string answer = autoAnswer ? ";answermode=auto" : "";
        File.WriteAllText(Path.Combine(dir, "accounts"),
            $"<sip:{e164}@127.0.0.1:{Invariant(switchSipPort)}>;auth_pass={password};regint=300{answer}\n");

        var psi = new ProcessStartInfo(baresip)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir,
        };
        // -n: use the loopback address for SIP and SDP, whatever the machine's default interface is.
        foreach (string arg in new[] { "-f", dir, "-n", "127.0.0.1" })
        {
            psi.ArgumentList.Add(arg);
        }
        var process = new Process { StartInfo = psi };
        var phone = new BaresipPhone(e164, dir, process, sipPort, consolePort, rtpPort);
        process.OutputDataReceived += (_, e) => phone.Append(e.Data);
        process.ErrorDataReceived += (_, e) => phone.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return phone;
    }

    /// <summary>
    /// Sends one command line to the cons module ("/dial 1002", "/hangup") and returns its echo (empty if none
    /// came within a second: the command is still executed).
    /// </summary>
    public async Task<string> CommandAsync(string command)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        byte[] datagram = Encoding.ASCII.GetBytes(command + "\n");
        await udp.SendAsync(datagram, new IPEndPoint(IPAddress.Loopback, _consolePort));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            var reply = await udp.ReceiveAsync(cts.Token);
            return Encoding.ASCII.GetString(reply.Buffer);
        }
        catch (OperationCanceledException)
        {
            return "";
        }
    }

    /// <summary>The decoded (received) audio of the call, once the sndfile filter has written it.</summary>
    public string? ReceivedAudioFile => System.IO.Directory.GetFiles(Directory, "dump-*-dec.wav").FirstOrDefault();

    private void Append(string? line)
    {
        if (line is null || (line.StartsWith('[') && line.Contains("audio=", StringComparison.Ordinal)))
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(AnsiColour.Replace(line, ""));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
        }
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>baresip listens for SIP on UDP and TCP at the port and for SIP/TLS on the next one.</summary>
    private static int FreeSipPort()
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            int port = SippRunner.FreePort();
            if (port < IPEndPoint.MaxPort && CanBind(SocketType.Stream, ProtocolType.Tcp, port + 1))
            {
                return port;
            }
        }
        throw new InvalidOperationException("no free SIP port pair for baresip");
    }

    /// <summary>An even UDP port whose successor is free too (RTP and RTCP).</summary>
    private static int FreeRtpPort()
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            int port;
            using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                port = ((IPEndPoint)probe.LocalEndPoint!).Port;
            }
            if (port % 2 == 0 && port < IPEndPoint.MaxPort
                && CanBind(SocketType.Dgram, ProtocolType.Udp, port) && CanBind(SocketType.Dgram, ProtocolType.Udp, port + 1))
            {
                return port;
            }
        }
        throw new InvalidOperationException("no free RTP port pair for baresip");
    }

    private static bool CanBind(SocketType type, ProtocolType protocol, int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

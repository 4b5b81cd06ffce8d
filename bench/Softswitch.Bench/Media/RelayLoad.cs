using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Media;

namespace Softswitch.Bench.Media;

/// <summary>
/// Load mode for the RTP relay: N sessions on loopback, two "phones" per session sending 172-byte RTP packets
/// (G.711, 20 ms: 12-byte header + 160 bytes) at a paced rate, then the figures. Usage:
/// <c>dotnet run -c Release --project bench/Softswitch.Bench -- relay-load [--sessions 500] [--pps 100]
/// [--seconds 10] [--ports 40000-49999] [--senders 1]</c>; --pps is per stream (50 is real G.711; 0 = unpaced).
/// The generator runs in this process, so the process CPU includes it; machine CPU comes from /proc/stat idle
/// time (docs/performance.md, load-test pitfall 5).
/// </summary>
internal static class RelayLoad
{
    private const int PacketSize = 172;

    public static int Run(string[] args)
    {
        int sessions = Option(args, "--sessions", 500);
        int pps = Option(args, "--pps", 100);
        int seconds = Option(args, "--seconds", 10);
        int senders = Option(args, "--senders", 1);
        string ports = OptionText(args, "--ports", "40000-49999");
        int dash = ports.IndexOf('-', StringComparison.Ordinal);
        var options = new RtpRelayOptions
        {
            BindAddress = "127.0.0.1",
            PortRangeStart = int.Parse(ports[..dash], CultureInfo.InvariantCulture),
            PortRangeEnd = int.Parse(ports[(dash + 1)..], CultureInfo.InvariantCulture),
        };
        using var relay = new RtpRelay(options, TimeProvider.System, NullLogger.Instance);
        var list = new List<RtpRelaySession>();
        var streams = new List<(Socket Phone, SocketAddress Relay)>();
        for (int i = 0; i < sessions; i++)
        {
            RtpRelaySession session = relay.TryCreateSession($"load-{i}") ?? throw new InvalidOperationException("port range too small");
            Socket a = Phone();
            Socket b = Phone();
            session.SetRemote(RtpSide.A, (IPEndPoint)a.LocalEndPoint!);
            session.SetRemote(RtpSide.B, (IPEndPoint)b.LocalEndPoint!);
            streams.Add((a, new IPEndPoint(IPAddress.Loopback, session.LocalPort(RtpSide.A)).Serialize()));
            streams.Add((b, new IPEndPoint(IPAddress.Loopback, session.LocalPort(RtpSide.B)).Serialize()));
            list.Add(session);
        }
        Console.WriteLine($"relay-load: {sessions} sessions, {streams.Count} streams, {(pps == 0 ? "unpaced" : $"{pps} pps/stream = {pps * streams.Count} pps offered")}, {seconds} s, {senders} sender thread(s)");

        // Warm-up: one second of traffic so latching, JIT and the thread pool settle before measuring.
        Blast(streams, pps, TimeSpan.FromSeconds(1), senders);
        Thread.Sleep(200);

        long received0 = Sum(list, s => s.Stats(RtpSide.A).RtpPacketsReceived + s.Stats(RtpSide.B).RtpPacketsReceived);
        long forwarded0 = Sum(list, s => s.Stats(RtpSide.A).RtpPacketsSent + s.Stats(RtpSide.B).RtpPacketsSent);
        long dropped0 = Sum(list, Dropped);
        (long idle0, long total0) = MachineCpu();
        long rcvbuf0 = RcvbufErrors();
        TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        long allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        int gc0 = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();

        long sent = Blast(streams, pps, TimeSpan.FromSeconds(seconds), senders);
        Thread.Sleep(200); // let the last packets through

        double elapsed = clock.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        (long idle1, long total1) = MachineCpu();
        long received = Sum(list, s => s.Stats(RtpSide.A).RtpPacketsReceived + s.Stats(RtpSide.B).RtpPacketsReceived) - received0;
        long forwarded = Sum(list, s => s.Stats(RtpSide.A).RtpPacketsSent + s.Stats(RtpSide.B).RtpPacketsSent) - forwarded0;
        long dropped = Sum(list, Dropped) - dropped0;
        double machineBusy = total1 == total0 ? 0 : 100.0 * (1 - (double)(idle1 - idle0) / (total1 - total0));

        Console.WriteLine(FormattableString.Invariant($"sent by phones      {sent,12:N0}  ({sent / elapsed:N0}/s)"));
        Console.WriteLine(FormattableString.Invariant($"received by relay   {received,12:N0}  ({received / elapsed:N0}/s); lost before the relay (kernel) {sent - received:N0}"));
        Console.WriteLine(FormattableString.Invariant($"forwarded           {forwarded,12:N0}  ({forwarded / elapsed:N0}/s)"));
        Console.WriteLine(FormattableString.Invariant($"dropped by relay    {dropped,12:N0}  (no remote / wrong source)"));
        Console.WriteLine(FormattableString.Invariant($"UDP RcvbufErrors    {RcvbufErrors() - rcvbuf0,12:N0}  (host-wide, /proc/net/snmp; includes the phones, which never read)"));
        Console.WriteLine(FormattableString.Invariant($"process CPU         {cpu.TotalSeconds / elapsed * 100,8:N0} % of one core (relay + generator), {cpu.TotalMilliseconds * 1000 / Math.Max(1, forwarded):N2} µs per forwarded packet"));
        Console.WriteLine(FormattableString.Invariant($"machine CPU         {machineBusy,8:N0} % of {Environment.ProcessorCount} cores (/proc/stat idle)"));
        Console.WriteLine(FormattableString.Invariant($"allocated           {allocated,12:N0} B = {(double)allocated / Math.Max(1, forwarded):N3} B per forwarded packet; gen0 GCs {GC.CollectionCount(0) - gc0}"));

        list.ForEach(s => s.Dispose());
        streams.ForEach(s => s.Phone.Dispose());
        Console.WriteLine($"after dispose: active sessions {relay.ActiveSessions}, ports available {relay.Ports.Available}/{relay.Ports.Capacity}");
        return 0;
    }

    /// <summary>Sends from every stream at the paced rate for the duration; returns how many packets were sent.</summary>
    private static long Blast(List<(Socket Phone, SocketAddress Relay)> streams, int pps, TimeSpan duration, int senders)
    {
        long total = 0;
        var threads = new Thread[senders];
        for (int t = 0; t < senders; t++)
        {
            int index = t;
            threads[t] = new Thread(() =>
            {
                var mine = streams.Where((_, i) => i % senders == index).ToArray();
                byte[] packet = new byte[PacketSize];
                packet[0] = 0x80;
                var clock = Stopwatch.StartNew();
                long rounds = 0;
                long count = 0;
                while (clock.Elapsed < duration)
                {
                    // Paced: one packet per stream per round, rounds = elapsed x pps.
                    if (pps > 0 && rounds >= (long)(clock.Elapsed.TotalSeconds * pps))
                    {
                        Thread.Sleep(1);
                        continue;
                    }
                    foreach ((Socket phone, SocketAddress relay) in mine)
                    {
                        phone.SendTo(packet, SocketFlags.None, relay);
                    }
                    count += mine.Length;
                    rounds++;
                }
                Interlocked.Add(ref total, count);
            }) { IsBackground = true, Name = $"rtp-load-{t}" };
            threads[t].Start();
        }
        foreach (Thread thread in threads)
        {
            thread.Join();
        }
        return total;
    }

    private static Socket Phone()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        // The phones never read what they get back; a small buffer keeps that memory bounded.
        socket.ReceiveBufferSize = 4096;
        return socket;
    }

    private static long Dropped(RtpRelaySession s)
    {
        RtpFlowStats a = s.Stats(RtpSide.A);
        RtpFlowStats b = s.Stats(RtpSide.B);
        return a.DroppedNoRemote + a.DroppedWrongSource + b.DroppedNoRemote + b.DroppedWrongSource;
    }

    private static long Sum(List<RtpRelaySession> sessions, Func<RtpRelaySession, long> value) => sessions.Sum(value);

    /// <summary>Idle and total jiffies of all cores from the first line of /proc/stat.</summary>
    private static (long Idle, long Total) MachineCpu()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }
        string[] fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long[] values = [.. fields.Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture))];
        // idle + iowait count as idle.
        return (values[3] + values[4], values.Sum());
    }

    private static long RcvbufErrors()
    {
        if (!File.Exists("/proc/net/snmp"))
        {
            return 0;
        }
        string[] udp = [.. File.ReadLines("/proc/net/snmp").Where(l => l.StartsWith("Udp:", StringComparison.Ordinal))];
        string[] names = udp[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] values = udp[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int index = Array.IndexOf(names, "RcvbufErrors");
        return index < 0 ? 0 : long.Parse(values[index], CultureInfo.InvariantCulture);
    }

    private static int Option(string[] args, string name, int fallback) =>
        int.Parse(OptionText(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string OptionText(string[] args, string name, string fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Sip.Media;

/// <summary>
/// The relay's UDP ports: even RTP ports with RTCP on the odd port above (RFC 3550 §11), handed out as bound
/// socket pairs. Each rent picks uniformly at random among the free pairs (a cryptographic generator, once per call,
/// never per packet), so one call's ports say nothing about the next call's: an attacker cannot aim at the ports of a
/// call about to start (issue 12, RTP bleed). Stray late packets of an ended call that land in a new one are the
/// source check's to drop (<see cref="RtpSourceCheck"/>). A port some other process holds is skipped and tried again
/// later. Thread-safe.
/// </summary>
public sealed partial class RtpPortPool
{
    private readonly IPAddress _bindAddress;
    private readonly int _socketBufferBytes;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    // The free pairs' RTP ports in no particular order: a random index is taken out by moving the last one into its
    // place, and a returned port goes at the end. O(1) both ways, no allocation after construction.
    private readonly int[] _free;
    private int _freeCount;

    public RtpPortPool(IPAddress bindAddress, int firstPort, int lastPort, int socketBufferBytes = 1024 * 1024, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(bindAddress);
        _bindAddress = bindAddress;
        _socketBufferBytes = socketBufferBytes;
        _logger = logger ?? NullLogger.Instance;
        int first = firstPort % 2 == 0 ? firstPort : firstPort + 1;
        Capacity = Math.Max(0, (lastPort - first + 1) / 2);
        _free = new int[Capacity];
        for (int port = first; port + 1 <= lastPort; port += 2)
        {
            _free[_freeCount++] = port;
        }
        if (Capacity == 0)
        {
            throw new ArgumentException($"port range {firstPort}-{lastPort} holds no even/odd pair", nameof(lastPort));
        }
    }

    /// <summary>How many pairs the range holds.</summary>
    public int Capacity { get; }

    /// <summary>Pairs not rented right now (some may turn out to be held by another process when tried).</summary>
    public int Available
    {
        get
        {
            lock (_lock)
            {
                return _freeCount;
            }
        }
    }

    /// <summary>
    /// Binds and returns the next free pair, or null when every port of the range is rented or held by another
    /// process (the B2BUA then refuses the call: 503 on an offer, RFC 3261 §21.5.4).
    /// </summary>
    public RtpPortPair? TryRent()
    {
        List<int>? busy = null;
        try
        {
            while (true)
            {
                int port;
                lock (_lock)
                {
                    if (_freeCount == 0)
                    {
                        return null;
                    }
                    int index = RandomNumberGenerator.GetInt32(_freeCount);
                    port = _free[index];
                    _free[index] = _free[--_freeCount];
                }
                // Bound outside the lock: two syscalls that must not serialise every call set-up.
                RtpPortPair? pair = TryBind(port, out bool outOfDescriptors);
                if (pair is not null)
                {
                    return pair;
                }
                // Held out of the pool until this rent ends, so each busy pair is tried once per rent.
                (busy ??= []).Add(port);
                if (outOfDescriptors)
                {
                    // The process is out of file descriptors, not this port busy: trying the rest of the range would
                    // only fail the same way, thousands of times, on the call set-up path.
                    return null;
                }
            }
        }
        finally
        {
            if (busy is not null)
            {
                lock (_lock)
                {
                    busy.ForEach(Free);
                }
            }
        }
    }

    /// <summary>
    /// Closes the pair's sockets and makes its ports available again. Returning a pair twice is a bug in the
    /// caller (the port could by then belong to another call): it throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public void Return(RtpPortPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        if (!pair.MarkReturned())
        {
            throw new InvalidOperationException($"RTP port {pair.RtpPort} returned twice");
        }
        pair.Rtp.Dispose();
        pair.Rtcp.Dispose();
        lock (_lock)
        {
            Free(pair.RtpPort);
        }
    }

    /// <summary>Under the lock.</summary>
    private void Free(int port) => _free[_freeCount++] = port;

    private RtpPortPair? TryBind(int port, out bool outOfDescriptors)
    {
        outOfDescriptors = false;
        Socket? rtp = null;
        Socket? rtcp = null;
        try
        {
            rtp = Open(port);
            rtcp = Open(port + 1);
            return new RtpPortPair(port, rtp, rtcp);
        }
        catch (SocketException e)
        {
            // Typically AddressAlreadyInUse: another process holds the port; it is tried again on a later rent.
            LogPortBusy(port, e.SocketErrorCode);
            outOfDescriptors = e.SocketErrorCode is SocketError.TooManyOpenSockets or SocketError.NoBufferSpaceAvailable;
            rtp?.Dispose();
            rtcp?.Dispose();
            return null;
        }
    }

    private Socket Open(int port)
    {
        var socket = new Socket(_bindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.ReceiveBufferSize = _socketBufferBytes;
            socket.SendBufferSize = _socketBufferBytes;
            if (OperatingSystem.IsWindows())
            {
                // Windows reports ICMP port-unreachable as a receive error that would stop the loop.
                const int SioUdpConnReset = -1744830452;
                socket.IOControl(SioUdpConnReset, [0, 0, 0, 0], null);
            }
            socket.Bind(new IPEndPoint(_bindAddress, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "RTP port {Port} skipped: {Error}")]
    private partial void LogPortBusy(int port, SocketError error);
}

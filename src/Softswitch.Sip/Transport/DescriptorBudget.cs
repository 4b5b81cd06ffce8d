using System.Globalization;

namespace Softswitch.Sip.Transport;

/// <summary>
/// The file descriptors SIP TCP connections and RTP relay sockets may hold between them, so the process never
/// reaches its open-file limit (RLIMIT_NOFILE). At the limit the runtime cannot even load an assembly and aborts
/// with "Out of memory.", and Kestrel spins on its failing accept, so /healthz stops answering: every descriptor
/// taken on behalf of a peer is taken from this budget first, and refused (connection closed, call answered 503)
/// when it is spent. What is left outside it is headroom for the runtime (each loaded assembly holds descriptors),
/// HTTP connections, the database and the logs (docs/hardening.md "TCP and descriptors"). Thread-safe.
/// </summary>
public sealed class DescriptorBudget
{
    /// <summary>Descriptors kept outside the budget: an eighth of the limit, at least 128 and at most 1,024.</summary>
    internal static int HeadroomFor(long openFileLimit) => (int)Math.Clamp(openFileLimit / 8, 128, 1024);

    /// <summary>
    /// HTTP connections Kestrel may hold at once: half the headroom, so the other half stays for the runtime; null
    /// when the process has no known limit. Kestrel closes connections past it on accept.
    /// </summary>
    public static long? HttpConnectionLimit() => ReadOpenFileLimit() is { } soft ? HeadroomFor(soft) / 2 : null;

    private int _inUse;

    public DescriptorBudget(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        Limit = limit;
    }

    /// <summary>No limit (no /proc, an unlimited RLIMIT_NOFILE, or a test that does not care).</summary>
    public static DescriptorBudget Unlimited => new(int.MaxValue);

    /// <summary>How many descriptors the budget holds in all.</summary>
    public int Limit { get; }

    /// <summary>How many are taken right now.</summary>
    public int InUse => Volatile.Read(ref _inUse);

    /// <summary>
    /// The budget of this process: its soft open-file limit, less the descriptors already open (the runtime, its
    /// assemblies, the listeners, the database), less the headroom.
    /// </summary>
    public static DescriptorBudget ForProcess()
    {
        long? limit = ReadOpenFileLimit();
        if (limit is not { } soft)
        {
            return Unlimited;
        }
        int open = CountOpenDescriptors();
        long spare = soft - open - HeadroomFor(soft);
        return new DescriptorBudget((int)Math.Clamp(spare, 0, int.MaxValue));
    }

    /// <summary>Takes <paramref name="count"/> descriptors; false (and nothing taken) when that would pass the limit.</summary>
    public bool TryTake(int count)
    {
        while (true)
        {
            int current = Volatile.Read(ref _inUse);
            if ((long)current + count > Limit)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _inUse, current + count, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Gives back descriptors taken with <see cref="TryTake"/> once their sockets are closed.</summary>
    public void Give(int count) => Interlocked.Add(ref _inUse, -count);

    /// <summary>The soft RLIMIT_NOFILE from /proc/self/limits; null without /proc or when it is unlimited.</summary>
    private static long? ReadOpenFileLimit()
    {
        try
        {
            // "Max open files            20000                20000                files"
            foreach (string line in File.ReadLines("/proc/self/limits"))
            {
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    string[] parts = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long soft) ? soft : null;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    private static int CountOpenDescriptors()
    {
        try
        {
            return Directory.EnumerateFileSystemEntries("/proc/self/fd").Count();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}

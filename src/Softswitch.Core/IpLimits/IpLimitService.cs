using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Softswitch.Core.Management;
using Softswitch.Core.Store;

namespace Softswitch.Core.IpLimits;

/// <summary>
/// IP blocks (地理围栏, 001_… §3.86 CreateIpLimit, §3.87 DeleteIpLimit). Validate, write SQLite, then update memory.
/// </summary>
public sealed class IpLimitService : IDisposable
{
    private readonly ISystemStore _store;
    private readonly ConcurrentDictionary<string, IpLimit> _limits = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _loaded;

    public IpLimitService(ISystemStore store)
    {
        _store = store;
    }

    /// <summary>
    /// CreateIpLimit (§3.86): ip mandatory, dotted IPv4 ("请符合 ipv4 格式"); count defaults to 1 and must keep the
    /// block inside the IPv4 space. A block overlapping an existing one is refused as a duplicate, so every address
    /// belongs to at most one area.
    /// </summary>
    public async Task<ServiceResult> CreateAsync(string? ip, int? count, string? area, string? memo,
        CancellationToken cancellationToken = default)
    {
        if (FieldRules.Required(ip, "ip") is { } missing)
        {
            return missing;
        }
        if (!TryParseIpv4(ip!, out var address))
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, "ip", $"Field 'ip' must be an IPv4 address such as 1.1.1.1, not '{ip}'.");
        }
        long first = IpLimit.ToNumber(address);
        long size = count ?? 1;
        if (size < 1 || first + size - 1 > uint.MaxValue)
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, "count",
                $"Field 'count' must be between 1 and {uint.MaxValue - first + 1} for ip {ip}.");
        }
        if ((FieldRules.Length(area, "area") ?? FieldRules.Length(memo, "memo")) is { } tooLong)
        {
            return tooLong;
        }
        var limit = new IpLimit(address.ToString(), size, area ?? "", memo ?? "");
        await LoadAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_limits.Values.FirstOrDefault(l => l.First <= limit.Last && limit.First <= l.Last) is { } clash)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "ip",
                    $"IP block {limit.Ip} (+{limit.Count}) overlaps the existing block {clash.Ip} (+{clash.Count}).");
            }
            await _store.InsertIpLimitAsync(limit, cancellationToken);
            _limits[limit.Ip] = limit;
            return ServiceResult.Ok;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// DeleteIpLimit (§3.87): ips is a String holding one start address or several separated by commas; every one
    /// must start a block, else nothing is deleted and NotFound names the first unknown.
    /// </summary>
    public async Task<ServiceResult> DeleteAsync(string? ips, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(ips))
        {
            return ServiceResult.Fail(ServiceError.MissingField, "ips", "Missing mandatory field 'ips'.");
        }
        var starts = new List<string>();
        foreach (string part in ips.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParseIpv4(part, out var address))
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, "ips", $"Field 'ips' holds '{part}', which is not an IPv4 address.");
            }
            starts.Add(address.ToString());
        }
        if (starts.Count == 0)
        {
            return ServiceResult.Fail(ServiceError.MissingField, "ips", "Missing mandatory field 'ips'.");
        }
        await LoadAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (starts.FirstOrDefault(s => !_limits.ContainsKey(s)) is { } unknown)
            {
                return ServiceResult.Fail(ServiceError.NotFound, "ips", $"No IP block starts at {unknown}.");
            }
            var distinct = starts.Distinct(StringComparer.Ordinal).ToArray();
            await _store.DeleteIpLimitsAsync(distinct, cancellationToken);
            foreach (string start in distinct)
            {
                _limits.TryRemove(start, out _);
            }
            return ServiceResult.Ok;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every block, in address order (the manual has no Get; used by the engine and by tests).</summary>
    public async Task<IReadOnlyList<IpLimit>> QueryAsync(CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        return _limits.Values.OrderBy(l => l.First).ToArray();
    }

    /// <summary>The block that holds <paramref name="address"/>, if any.</summary>
    public IpLimit? Find(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return null;
        }
        uint n = IpLimit.ToNumber(address);
        return _limits.Values.FirstOrDefault(l => l.First <= n && n <= l.Last);
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Strict dotted quad: IPAddress.TryParse alone accepts "1", "1.2" and hex forms.</summary>
    private static bool TryParseIpv4(string text, out IPAddress address)
    {
        address = IPAddress.None;
        string[] parts = text.Split('.');
        if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit) || int.Parse(p) > 255))
        {
            return false;
        }
        address = IPAddress.Parse(text);
        return true;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                foreach (var limit in await _store.LoadIpLimitsAsync(cancellationToken))
                {
                    _limits[limit.Ip] = limit;
                }
                _loaded = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}

using System.Globalization;

namespace Softswitch.Api.Hosting;

/// <summary>
/// The run contract's options (docs/architecture.md, docs/configuration.md): <c>--sip-port N --http-port N --bind ADDR
/// --rtp-ports A-B --db PATH --no-demo --config FILE</c>. Each becomes a configuration key that overrides
/// conf/softswitch.json.
/// </summary>
public static class CommandLine
{
    public const string Usage =
        "usage: softswitch [--config FILE] [--sip-port N] [--http-port N] [--bind ADDR] [--rtp-ports A-B] [--db PATH] [--no-demo]";

    /// <summary>Returns the configuration overrides, or an error naming the bad argument.</summary>
    public static (Dictionary<string, string?> Overrides, string? ConfigFile, string? Error) Parse(IReadOnlyList<string> args)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? configFile = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? inlineValue = null;
            int eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }
            if (arg == "--no-demo")
            {
                overrides["demo:enabled"] = "false";
                continue;
            }
            if (arg is "-h" or "--help")
            {
                return (overrides, null, Usage);
            }
            string? value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                return (overrides, null, $"{arg} needs a value");
            }
            switch (arg)
            {
                case "--sip-port":
                    if (!IsPort(value))
                    {
                        return (overrides, null, $"--sip-port: '{value}' is not a port (0-65535)");
                    }
                    overrides["sip:port"] = value;
                    break;
                case "--http-port":
                    if (!IsPort(value))
                    {
                        return (overrides, null, $"--http-port: '{value}' is not a port (0-65535)");
                    }
                    overrides["http:port"] = value;
                    break;
                case "--bind":
                    if (!System.Net.IPAddress.TryParse(value, out _))
                    {
                        return (overrides, null, $"--bind: '{value}' is not an IP address");
                    }
                    overrides["sip:bindAddress"] = value;
                    overrides["rtp:bindAddress"] = value;
                    break;
                case "--rtp-ports":
                    if (!TryParseRange(value, out _, out _))
                    {
                        return (overrides, null, $"--rtp-ports: '{value}' is not a range A-B of ports");
                    }
                    overrides["rtp:ports"] = value;
                    break;
                case "--db":
                    overrides["database:path"] = value;
                    break;
                case "--config":
                    configFile = value;
                    break;
                default:
                    return (overrides, null, $"unknown option '{arg}'");
            }
        }
        return (overrides, configFile, null);
    }

    public static bool TryParseRange(string text, out int first, out int last)
    {
        first = last = 0;
        string[] parts = text.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out last)
            && first is >= 1024 and <= 65535 && last is >= 1024 and <= 65535 && first < last;
    }

    private static bool IsPort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is >= 0 and <= 65535;
}

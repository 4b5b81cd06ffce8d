using System.Globalization;
using System.Net;
using System.Text;
using Softswitch.Sip.Media;
using Softswitch.Sip.Transport;

namespace Softswitch.Api.Hosting;

/// <summary>
/// The run contract's options (docs/architecture.md). Each sets configuration keys that override the configuration
/// file and the SOFTSWITCH_* environment variables; <see cref="Options"/> is the one list the parser, --help and
/// docs/configuration.md read.
/// </summary>
public static class CommandLine
{
    /// <summary>The environment variable naming the configuration file (the form of --config).</summary>
    public const string ConfigEnvironmentVariable = "SOFTSWITCH_CONFIG";

    public static readonly IReadOnlyList<CommandLineOption> Options =
    [
        new("--config", "FILE", [], "configuration file to read instead of the default",
            $"{SoftswitchApp.DefaultConfigFile} in the working directory, else the copy beside the program",
            $"{ConfigEnvironmentVariable}=FILE", (value, _) => null),
        new("--sip-port", "N", ["sip.port"], "SIP port for UDP and TCP; 0 picks a free one",
            Default(new SipTransportOptions().Port), Env("sip.port", "N"), Port("sip:port", "--sip-port")),
        new("--http-port", "N", ["http.port"], "management HTTP port (on http.bindAddress); 0 picks a free one",
            Default(new HttpOptions().Port), Env("http.port", "N"), Port("http:port", "--http-port")),
        new("--bind", "ADDR", ["sip.bindAddress", "rtp.bindAddress"], "IP address SIP and the RTP relay bind to",
            new SipTransportOptions().BindAddress, Env("sip.bindAddress", "ADDR") + " " + Env("rtp.bindAddress", "ADDR"), Bind),
        new("--rtp-ports", "A-B", ["rtp.portRangeStart", "rtp.portRangeEnd"], "RTP relay port range (1024-65535, A < B)",
            $"{new RtpRelayOptions().PortRangeStart}-{new RtpRelayOptions().PortRangeEnd}",
            Env("rtp.portRangeStart", "A") + " " + Env("rtp.portRangeEnd", "B"), RtpPorts),
        new("--db", "PATH", ["database.path"], "SQLite database file (relative to the working directory); its folder is created",
            new DatabaseOptions().Path, Env("database.path", "PATH"), Database),
        new("--no-demo", null, ["demo.enabled"], "do not create the demo account, phones and carrier",
            "demo on", Env("demo.enabled", "false"), (_, o) => Set(o, "demo:enabled", "false")),
        new("--help", null, [], "print this help and exit (also -h)", "", "", (_, _) => null),
    ];

    /// <summary>One line for faults: the reason, then where to look.</summary>
    public const string SeeHelp = "run with --help for the options";

    public static ParsedCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? configFile = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? inlineValue = null;
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }
            if (arg is "-h" or "--help")
            {
                return new ParsedCommandLine(overrides, configFile, Help: true, Error: null);
            }
            var option = Options.FirstOrDefault(o => o.Name == arg);
            if (option is null)
            {
                return Fail(overrides, $"unknown option '{arg}'");
            }
            if (option.Value is null)
            {
                if (inlineValue is not null)
                {
                    return Fail(overrides, $"{arg} takes no value (got '{inlineValue}')");
                }
                option.Apply("", overrides);
                continue;
            }
            string? value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                return Fail(overrides, $"{arg} needs a value ({option.Synopsis})");
            }
            if (arg == "--config")
            {
                configFile = value;
            }
            else if (option.Apply(value, overrides) is { } error)
            {
                return Fail(overrides, error);
            }
        }
        return new ParsedCommandLine(overrides, configFile, Help: false, Error: null);
    }

    /// <summary>The --help text: every option once, with its default and environment form.</summary>
    public static string Help()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            usage: softswitch [options]        (from a clone: dotnet run --project src/Softswitch.Api -- [options])

            Starts the SIP registrar, B2BUA, RTP relay and management API. Settings come from the defaults, then the
            configuration file, then SOFTSWITCH_* environment variables (any key: SOFTSWITCH_SECTION__KEY, e.g.
            SOFTSWITCH_CALLS__TIMEOUTRINGINGSECONDS=30), then these options; docs/configuration.md lists every key.
            A bad value stops the start with one line naming it, exit code 2.

            options:

            """);
        int width = Options.Max(o => o.Synopsis.Length) + 2;
        foreach (var option in Options)
        {
            text.Append("  ").Append(option.Synopsis.PadRight(width)).Append(option.Description).Append('\n');
            if (option.Default.Length > 0)
            {
                text.Append(' ', width + 2).Append("default: ").Append(option.Default).Append('\n');
            }
            if (option.Environment.Length > 0)
            {
                text.Append(' ', width + 2).Append("environment: ").Append(option.Environment).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>"20000-29999" with both ends 1024-65535 and A &lt; B.</summary>
    public static bool TryParseRange(string text, out int first, out int last)
    {
        first = last = 0;
        string[] parts = (text ?? "").Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out last)
            && first is >= 1024 and <= 65535 && last is >= 1024 and <= 65535 && first < last;
    }

    private static ParsedCommandLine Fail(Dictionary<string, string?> overrides, string error) =>
        new(overrides, null, Help: false, Error: error);

    private static string Default(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Env(string key, string value) => $"{CommandLineOption.EnvironmentName(key)}={value}";

    private static string? Set(IDictionary<string, string?> overrides, string key, string value)
    {
        overrides[key] = value;
        return null;
    }

    private static Func<string, IDictionary<string, string?>, string?> Port(string key, string option) => (value, overrides) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is >= 0 and <= 65535
            ? Set(overrides, key, value)
            : $"{option}: '{value}' is not a port (0-65535)";

    private static string? Bind(string value, IDictionary<string, string?> overrides)
    {
        if (!IPAddress.TryParse(value, out _))
        {
            return $"--bind: '{value}' is not an IP address";
        }
        overrides["sip:bindAddress"] = value;
        return Set(overrides, "rtp:bindAddress", value);
    }

    private static string? RtpPorts(string value, IDictionary<string, string?> overrides)
    {
        if (!TryParseRange(value, out int first, out int last))
        {
            return $"--rtp-ports: '{value}' is not a range A-B of ports 1024-65535 with A < B";
        }
        overrides["rtp:portRangeStart"] = first.ToString(CultureInfo.InvariantCulture);
        return Set(overrides, "rtp:portRangeEnd", last.ToString(CultureInfo.InvariantCulture));
    }

    private static string? Database(string value, IDictionary<string, string?> overrides) =>
        string.IsNullOrWhiteSpace(value) ? "--db: the path is empty" : Set(overrides, "database:path", value);
}

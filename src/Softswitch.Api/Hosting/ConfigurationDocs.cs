using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;
using Softswitch.Core.Configuration;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Renders docs/configuration.md from the code: the command-line options (<see cref="CommandLine.Options"/>) and every
/// section of <see cref="ConfigSections.All"/> with its keys' types, defaults, allowed values (the ranges the
/// validators enforce) and doc comments. A test regenerates it and fails when the committed file differs.
/// </summary>
public static class ConfigurationDocs
{
    public static string Render()
    {
        var md = new StringBuilder();
        md.Append("""
            # Configuration

            Generated from the options classes by `ConfigurationDocs.Render()` (`src/Softswitch.Api/Hosting/`); a test
            fails when this file differs from the code (regenerate with `SOFTSWITCH_UPDATE_DOCS=1 dotnet test`).

            Settings come, each overriding the one before, from the built-in defaults (the tables below), the
            configuration file, environment variables and the command line:

            - **File.** `--config FILE` (or `SOFTSWITCH_CONFIG=FILE`); otherwise `conf/softswitch.json` in the working
              directory, otherwise the copy beside the program (which is what `dotnet run --project src/Softswitch.Api`
              finds when started elsewhere). The shipped `conf/softswitch.json` holds exactly the defaults (a test checks
              it). Relative paths, the file's and `database.path`, resolve against the working directory; `dotnet run`
              keeps the directory it was started in, so from the repository root the database is `data/softswitch.db`.
              The start-up banner prints the file and the database in use.
            - **Environment.** Any key as `SOFTSWITCH_<SECTION>__<KEY>`, e.g. `SOFTSWITCH_SIP__PORT=5070`,
              `SOFTSWITCH_CALLS__TIMEOUTRINGINGSECONDS=30`, `SOFTSWITCH_API__ALLOWEDCLIENTS__0=192.0.2.0/24` (names are
              case-insensitive; `__` separates levels).
            - **Command line**, below (`--help` prints the same).

            A bad value, an unknown key, a malformed file or a port already in use stops the start: one line per fault on
            standard error naming the key (or option) and the value, e.g. `softswitch: sip.port: 70000 is out of range
            0-65535` or `softswitch: SIP UDP port 5060 on 0.0.0.0: already in use by another process (sip.port,
            --sip-port)`, and exit code 2. An unknown option or `--help` prints no stack trace either; `--help` exits 0.

            At start-up the switch prints `SIP listening on udp+tcp ADDR:PORT`, `HTTP listening on URL`,
            `Configuration FILE; database PATH` and, with the demo on, `Demo phone E164 password PASSWORD` for each demo
            phone and `Demo carrier demo-carrier on udp+tcp 127.0.0.1:PORT: …` for the demo carrier (docs/simulation.md).
            Scripts may rely on these lines.

            ## Command line

            | option | sets | default | environment | meaning |
            | --- | --- | --- | --- | --- |

            """);
        foreach (var option in CommandLine.Options)
        {
            string keys = string.Join(", ", option.Keys.Select(k => $"`{k}`"));
            string env = string.Join(" ", option.Environment.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => $"`{e}`"));
            md.Append(CultureInfo($"| `{option.Synopsis}` | {keys} | {Cell(option.Default)} | {env} | {Cell(option.Description)} |\n"));
        }
        foreach (var section in ConfigSections.All)
        {
            RenderSection(md, section);
            if (Notes(section.Key) is { } notes)
            {
                md.Append('\n').Append(notes);
            }
        }
        return md.ToString();
    }

    /// <summary>"integer", "duration", ... as a reader of the JSON file thinks of it.</summary>
    public static string TypeName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return "name";
        }
        if (type == typeof(string))
        {
            return "string";
        }
        if (type == typeof(int) || type == typeof(long))
        {
            return "integer";
        }
        if (type == typeof(double))
        {
            return "number";
        }
        if (type == typeof(bool))
        {
            return "boolean";
        }
        if (type == typeof(TimeSpan))
        {
            return "duration";
        }
        var element = type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
        return typeof(IEnumerable).IsAssignableFrom(type) && element is not null
            ? element == typeof(string) ? "list of strings" : "list of objects"
            : type.Name;
    }

    /// <summary>The default as the file would write it: the options class's initial value, or its [DefaultValue].</summary>
    public static object? DefaultOf(PropertyInfo property, object defaults)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<DefaultValueAttribute>() is { } declared ? declared.Value : property.GetValue(defaults);
    }

    private static void RenderSection(StringBuilder md, ConfigSection section)
    {
        object defaults = Activator.CreateInstance(section.OptionsType)!;
        string summary = OptionRules.Keys(section.OptionsType).Aggregate(XmlDocComments.Summary(section.OptionsType), (text, p) =>
            text.Replace($"`{section.OptionsType.Name}.{p.Name}`", $"`{section.Key}.{OptionRules.KeyOf(p)}`", StringComparison.Ordinal));
        md.Append(CultureInfo($"\n## `{section.Key}`\n\n{summary}\n\n"));
        md.Append("| key | type | default | allowed | meaning |\n| --- | --- | --- | --- | --- |\n");
        var keys = OptionRules.Keys(section.OptionsType).ToList();
        // A comment citing another key of the class (<see cref="Url"/>) reads as that key's name in the file.
        string Describe(PropertyInfo property) => keys.Aggregate(XmlDocComments.Summary(property), (text, other) =>
            text.Replace($"`{section.OptionsType.Name}.{other.Name}`", $"`{section.Key}.{OptionRules.KeyOf(other)}`", StringComparison.Ordinal));
        foreach (var property in OptionRules.Keys(section.OptionsType))
        {
            object? value = DefaultOf(property, defaults);
            string shown = value switch
            {
                null => "unset",
                string { Length: 0 } => "`\"\"`",
                _ => $"`{OptionRules.Format(value)}`",
            };
            md.Append(CultureInfo($"| `{section.Key}.{OptionRules.KeyOf(property)}` | {TypeName(property.PropertyType)} | {shown} | {Allowed(property)} | {Cell(Describe(property))} |\n"));
        }
    }

    private static string Allowed(PropertyInfo property)
    {
        Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            return OptionRules.RangeText(range);
        }
        if (type.IsEnum)
        {
            return string.Join("; ", Enum.GetNames(type).Select(name =>
                $"`{name}` ({Convert.ToInt64(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture)}): {Cell(EnumMeaning(type, name))}"));
        }
        return type == typeof(bool) ? "`true`, `false`" : "";
    }

    /// <summary>The value's comment without the code it may start with ("2: media received" → "media received").</summary>
    private static string EnumMeaning(Type type, string name)
    {
        string text = XmlDocComments.Summary(type, name).TrimEnd('.');
        int colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && text[..colon].All(char.IsAsciiDigit) ? text[(colon + 2)..] : text;
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>What a table cannot say: behaviour that spans keys, and the decisions behind defaults.</summary>
    private static string? Notes(string section) => section switch
    {
        "auth" => """
            - **Digest algorithms.** RFC 8760 §2.4 lets a server offer several algorithms; compliant clients pick the
              strongest they support whatever the order. Deployed user agents are less forgiving: SIPp 3.6 answers only the
              first challenge and knows only MD5, and Debian's baresip 1.0 gives up on a 401 that carries any SHA-256
              challenge. So only MD5 is offered by default. Set `auth.algorithms` to `["SHA-256","MD5"]` or `["SHA-256"]`
              where every client supports SHA-256; the verifier accepts exactly the algorithms offered.
            - **Failed authentication** answers `403 Forbidden`, identically for an unknown user and a wrong password (same
              hashing work, same headers). A missing, expired (`stale=true`) or foreign nonce is challenged again with
              `401`; malformed credentials get `400` naming the fault; credentials in another scheme (`NotDigest …`,
              `Basic …`) are ignored and challenged. A blocked source gets `403` without its credentials being read.
            - **Requests.** INVITE is handled by the B2BUA (`calls.md`, authenticated the same way with `407`), MESSAGE by
              the MESSAGE relay; the checks every request passes first (405/501 with `Allow`, 416, 420, 483) are in
              `sip-conformance.md`. In-dialog requests without a dialog get `481`.

            """,
        "calls" => """
            How the timeouts act on a call, and the states and end reasons they lead to, are in `calls.md`,
            `call-states.md` and `end-reasons.md`.

            """,
        "api" => """
            With no `api.allowedClients` and no `api.access`, only loopback (127.0.0.0/8 and ::1) may call the interface;
            others get 403 with retCode -10008. An `api.access` entry is `{"directory":"/external/server/GetCustomer",
            "allowedClients":["192.0.2.0/24"]}`; its directory is `/external/server`, `/external/server/<Name>` or
            `/external/test/server` (the test page and `/openapi.json`). With `api.bearerToken` set, `/external/server`
            requests without `Authorization: Bearer <token>` get 401 with retCode -10008.

            """,
        "push" => """
            Pages pushed (001_… §4): `PhoneOnline`, `CallStateReport`, `CustomerMoneyChange`, `AlarmCurrentReport`,
            `PushDtmfInfo`, `PushDtmfInfos`, each POSTed as JSON to `<url>/<page><pageSuffix>`.

            - **Delivery** is at least once. Each push is written to SQLite (table `pushes`) before it is sent, so a receiver
              that is down, or a restart, loses nothing; it is removed once the receiver answers 2xx (whatever the
              `retCode`), refuses it for good (another 4xx: counted in `Rejected`, not retried) or it exceeds `push.maxAge`.
              A failed attempt (unreachable, timeout, 408, 429, 5xx) pauses `push.retryInitialDelay`, doubling per failed
              round up to `push.retryMaxDelay`. A full queue refuses the newest push (`QueueFull`), a full backlog drops it
              before storing (`BacklogFull`), an expired one is counted in `PushStats.Expired`.
            - **Duplicates.** Every request carries an `Idempotency-Key` header (a UUID fixed when the push is stored, the
              same on every resend); the body holds exactly the manual's fields and no extra one, because the manual lists
              them all and a strict receiver could refuse an unknown field. A receiver should discard a key it has already
              processed.
            - **Order.** Pushes go in lanes: one per call (`CallStateReport`), per phone (`PhoneOnline`), per account
              (`CustomerMoneyChange`), per IVR flow (`PushDtmfInfo(s)`) and one for alarms. A lane has at most one request
              in flight and is sent in publishing order, so a call's reports never overtake each other; different lanes go
              in parallel (`push.concurrency`). One failure pauses all lanes (there is one receiver), so a dead receiver
              costs one request per pause, not one per call.
            - **Never on the call path.** Publishing is an in-memory enqueue; storing and sending run in the background.
            - **`PushDtmfInfo` / `PushDtmfInfos`** are delivered as notifications: the `audioNames` in the receiver's answer
              are not read, since a queued, retried request cannot steer an IVR that is waiting for it.

            """,
        _ => null,
    };
}

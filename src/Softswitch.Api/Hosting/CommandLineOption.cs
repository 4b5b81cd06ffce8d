namespace Softswitch.Api.Hosting;

/// <summary>
/// One command-line option: its name, the value it takes (null for a flag), what it sets, and its default and
/// environment form as --help and docs/configuration.md print them.
/// </summary>
/// <param name="Name">"--sip-port".</param>
/// <param name="Value">"N", or null for a flag.</param>
/// <param name="Keys">Configuration keys it sets ("sip.port"); empty for --config.</param>
/// <param name="Description">One line.</param>
/// <param name="Default">The value in force without the option.</param>
/// <param name="Environment">The SOFTSWITCH_* variable(s) that set the same.</param>
/// <param name="Apply">Turns the value into configuration overrides; returns the reason when the value is unusable.</param>
public sealed record CommandLineOption(
    string Name,
    string? Value,
    IReadOnlyList<string> Keys,
    string Description,
    string Default,
    string Environment,
    Func<string, IDictionary<string, string?>, string?> Apply)
{
    /// <summary>"SOFTSWITCH_SIP__PORT" for "sip.port" (the environment provider's prefix and "__" for ':').</summary>
    public static string EnvironmentName(string key) => "SOFTSWITCH_" + key.Replace(".", "__", StringComparison.Ordinal).ToUpperInvariant();

    public string Synopsis => Value is null ? Name : $"{Name} {Value}";
}

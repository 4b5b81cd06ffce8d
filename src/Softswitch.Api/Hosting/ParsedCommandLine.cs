namespace Softswitch.Api.Hosting;

/// <summary>What the command line asked for: configuration overrides, another configuration file, or the help.</summary>
public sealed record ParsedCommandLine(IReadOnlyDictionary<string, string?> Overrides, string? ConfigFile, bool Help, string? Error);

namespace Softswitch.Api.Hosting;

/// <summary>The configuration file in use (null: built-in defaults only), for the start-up banner.</summary>
public sealed record StartupFiles(string? ConfigFile);

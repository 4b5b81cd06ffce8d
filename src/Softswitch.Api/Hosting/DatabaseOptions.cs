namespace Softswitch.Api.Hosting;

/// <summary>The "database" section: the SQLite file holding accounts, phones, gateways, CDRs and pending pushes.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "database";

    /// <summary>SQLite file, created with its folder on first start; a relative path is taken from the working directory.</summary>
    public string Path { get; set; } = "data/softswitch.db";

    /// <summary>The file's full path: a relative one resolves against the working directory the switch was started in.</summary>
    public string FullPath => System.IO.Path.GetFullPath(Path);
}

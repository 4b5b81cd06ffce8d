namespace Softswitch.Api.Hosting;

/// <summary>The "demo" section: the demo account and phones that let a first call be made without any set-up.</summary>
public sealed class DemoOptions
{
    public const string Section = "demo";

    /// <summary>Create the demo account "demo" with phones 1001/1002 (random passwords) on first start (off with --no-demo).</summary>
    public bool Enabled { get; set; } = true;
}

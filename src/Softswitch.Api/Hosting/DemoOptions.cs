namespace Softswitch.Api.Hosting;

/// <summary>The "demo" section: the demo account, phones and carrier that let a first call be made without any set-up.</summary>
public sealed class DemoOptions
{
    public const string Section = "demo";

    /// <summary>
    /// Create the demo account "demo" with phones 1001/1002 (random passwords), and start the demo carrier with its
    /// routing gateway demo-carrier (prefix 9) (off with --no-demo; docs/simulation.md).
    /// </summary>
    public bool Enabled { get; set; } = true;
}

using Softswitch.Api.Hosting;

// Exit codes: 0 after a clean stop (or --help), 2 for a configuration fault (one line each on stderr, naming the key
// or option and the value), 1 for anything else that stops the start (printed with its stack trace).
var command = CommandLine.Parse(args);
if (command.Help)
{
    Console.Out.Write(CommandLine.Help());
    return 0;
}
if (command.Error is not null)
{
    Console.Error.WriteLine($"softswitch: {command.Error} ({CommandLine.SeeHelp})");
    return 2;
}

WebApplication? app = null;
try
{
    app = SoftswitchApp.Build(args);
    await app.StartAsync();
}
catch (Exception e)
{
    var lines = StartupFaults.Describe(e);
    if (lines is null)
    {
        Console.Error.WriteLine($"softswitch: start failed: {e}");
    }
    foreach (string line in lines ?? [])
    {
        Console.Error.WriteLine($"softswitch: {line}");
    }
    if (app is not null)
    {
        // Stops what did start (the SIP engine when HTTP could not bind) before the sockets are closed under it.
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync();
    }
    return lines is null ? 1 : 2;
}
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

/// <summary>Entry point type, visible to tests.</summary>
public partial class Program;

using Softswitch.Api.Hosting;

// Exit codes: 0 after a clean stop (or --help), 2 for a configuration fault (one line each on stderr, naming the key
// or option and the value), 1 for anything else that stops the start (printed with its stack trace).
// Socket completions run on the epoll thread rather than being handed to the thread pool one by one: 14 % less CPU per
// call on the SIP path and ~30 % on the RTP relay on the 2-core load machine (docs/performance.md). Read once by the
// runtime when the first socket is used, so it is set before anything opens one; DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0
// in the environment keeps the thread-pool hand-off.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}
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

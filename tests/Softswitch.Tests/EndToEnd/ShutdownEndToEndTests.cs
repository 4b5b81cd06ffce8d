using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Hosting;
using Softswitch.Core.Calls;
using Softswitch.Tests.EndToEnd.Support;
using Softswitch.Sip;

namespace Softswitch.Tests.EndToEnd;

/// <summary>Shutdown ends calls cleanly: BYE on both legs, and their CDRs are on disk before the process is gone.</summary>
[Category("EndToEnd")]
[NonParallelizable]
public class ShutdownEndToEndTests
{
    [Test]
    public async Task StoppingTheSwitchByesLiveCallsAndFlushesTheirCdrs()
    {
        var host = await SwitchHost.StartAsync("--no-demo");
        try
        {
            var bed = await CallBed.CreateAsync(host);
            await bed.RegisterCalleeAsync();
            var (caller, callee) = await bed.CallAsync("uac_auth_callee_bye.xml", "uas_builtin", during: async () =>
            {
                var calls = await bed.WaitForCurrentCallsAsync(CallBed.Connected);
                Assert.That(calls.Any(CallBed.Connected), Is.True, "the call is connected before the switch stops");
                await host.StopAsync();
            });
            Assert.That(caller.ExitCode, Is.Zero, "caller got BYE: " + caller.Output + caller.Errors);
            Assert.That(callee.ExitCode, Is.Zero, "callee got BYE: " + callee.Output + callee.Errors);

            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.DatabasePath}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT endReason FROM cdrs";
            var reasons = new List<long>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    reasons.Add(reader.GetInt64(0));
                }
            }
            Assert.That(reasons, Is.EqualTo(new[] { (long)EndReason.ServerShutdown }));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}

using Microsoft.Data.Sqlite;
using Softswitch.Api.Hosting;
using Softswitch.Core.Management;
using Softswitch.Core.Store;

namespace Softswitch.Api.Composition;

/// <summary>
/// Creates or upgrades the schema, then fills the in-memory directory from the store when the host starts, before
/// requests or SIP traffic need it. Both steps are idempotent.
/// </summary>
internal sealed class SoftswitchCoreLoader(SqliteSoftswitchStore store, DirectoryState state) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            // The first touch of the file: a path that is not an SQLite database (or not readable) is a
            // configuration fault, named like every other one (one line, exit 2), not a crash.
            throw new StartupFaultException(
                $"database.path: '{store.DatabasePath}' cannot be used as the SQLite database: {e.Message} (--db)", e);
        }
        await state.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

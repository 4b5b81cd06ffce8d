using Microsoft.Data.Sqlite;
using Softswitch.Core.Management;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core;

/// <summary>A SQLite file of its own under the temp directory, deleted (with its WAL files) on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"softswitch-test-{Guid.NewGuid():N}.db");
    }

    public string Path { get; }

    public SqliteSoftswitchStore OpenStore() => new(Path);

    public DirectoryState OpenState()
    {
        var store = OpenStore();
        return new DirectoryState(store, store);
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them so the delete succeeds on every platform.
        SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}

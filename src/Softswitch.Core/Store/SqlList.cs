using System.Text.Json;

namespace Softswitch.Core.Store;

/// <summary>
/// A list of keys passed to SQLite as one JSON array parameter, read back with json_each. Dapper's "IN @list"
/// binds one host parameter per item: SQLite caps a statement at 32,766 of them, and binding by name costs time
/// growing with the square of the count (GetCdr with 32,000 accounts took 21 s of CPU, issue 12 hole 9).
/// </summary>
internal static class SqlList
{
    /// <summary>"<paramref name="column"/> IN (the items of the JSON array parameter @<paramref name="parameter"/>)".</summary>
    public static string In(string column, string parameter) =>
        $"{column} IN (SELECT value FROM json_each(@{parameter}))";

    /// <summary>The value to bind to the parameter named in <see cref="In"/>.</summary>
    public static string Of(IEnumerable<string> items) => JsonSerializer.Serialize(items);
}

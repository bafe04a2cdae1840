using DuckDB.NET.Data;

namespace Iomete.Engine.DuckDb;

/// <summary>
/// Opens embedded DuckDB connections with the platform's settings: UTC session time zone (timestamptz values and
/// statistics print in UTC) and no extension auto-install (the library links parquet, json and icu statically;
/// anything else would try the network and must fail fast instead).
/// </summary>
public static class EngineConnections
{
    public static async Task<DuckDBConnection> OpenInMemoryAsync(CancellationToken ct)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; SET TimeZone = 'UTC';";
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

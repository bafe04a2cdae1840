using System.Globalization;
using DuckDB.NET.Data;
using Iomete.Engine.Parquet;

namespace Iomete.Engine.DuckDb;

/// <summary>
/// Opens the DuckDB connection of a SQL session, locked down before any user text runs: the file system is reachable
/// only under the warehouse folder and the session's scratch folder (DuckDB's <c>allowed_directories</c> with
/// <c>enable_external_access = false</c>), no extension can be installed or loaded, and <c>lock_configuration</c> makes
/// every later <c>SET</c> fail. Threads and memory are fixed here because they cannot change afterwards.
/// </summary>
internal static class SessionConnections
{
    public static async Task<DuckDBConnection> OpenAsync(IReadOnlyList<string> allowedDirectories, int? threads, string? memoryLimit, CancellationToken ct)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            await connection.OpenAsync(ct);
            BucketFunctions.Register(connection);
            var directories = string.Join(", ", allowedDirectories.Select(d => DuckDbSchema.Literal(WithSeparator(d))));
            var settings = new List<string>
            {
                "SET autoinstall_known_extensions = false",
                "SET autoload_known_extensions = false",
                "SET TimeZone = 'UTC'",
                $"SET allowed_directories = [{directories}]",
            };
            if (threads is { } t)
            {
                settings.Add(string.Create(CultureInfo.InvariantCulture, $"SET threads = {t}"));
            }
            if (!string.IsNullOrWhiteSpace(memoryLimit))
            {
                settings.Add($"SET memory_limit = {DuckDbSchema.Literal(memoryLimit)}");
            }
            settings.Add("SET enable_external_access = false");
            settings.Add("SET lock_configuration = true");
            await using var command = connection.CreateCommand();
            command.CommandText = string.Join("; ", settings) + ";";
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string WithSeparator(string directory) =>
        directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
}

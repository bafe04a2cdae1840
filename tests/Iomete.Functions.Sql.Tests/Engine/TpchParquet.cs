using System.Net.Http.Json;
using System.Text.Json;
using DuckDB.NET.Data;
using Iomete.Testing;
using Iomete.Testing.Tpch;

namespace Iomete.Functions.Sql.Tests.Engine;

/// <summary>
/// DuckDB directly on the Parquet data files of the TPC-H tables (the files the Iceberg catalog lists for each table's
/// current snapshot): views over <c>read_parquet</c>, the baseline the SQL service's answers are compared with.
/// </summary>
public sealed class TpchParquet : IAsyncDisposable
{
    private TpchParquet(DuckDBConnection connection) => Connection = connection;

    public DuckDBConnection Connection { get; }

    public static async Task<TpchParquet> OpenDirectAsync(LocalPlatform platform, string catalog, string database)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        using var admin = await platform.LoginAsync();
        foreach (var table in TpchGenerator.TableNames)
        {
            var files = await DataFilesAsync(admin, catalog, database, table);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE VIEW {table} AS SELECT * FROM read_parquet([{string.Join(", ", files.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'"))}])";
            await command.ExecuteNonQueryAsync();
        }
        return new TpchParquet(connection);
    }

    /// <summary>Local paths of the table's data files, from the REST catalog's server-side scan planning.</summary>
    private static async Task<IReadOnlyList<string>> DataFilesAsync(HttpClient admin, string catalog, string database, string table)
    {
        using var response = await admin.PostAsJsonAsync($"/catalogs/{catalog}/v1/{catalog}/namespaces/{database}/tables/{table}/plan", new { });
        response.EnsureSuccessStatusCode();
        using var plan = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. plan.RootElement.GetProperty("file-scan-tasks").EnumerateArray()
            .Select(t => new Uri(t.GetProperty("data-file").GetProperty("file-path").GetString()!).LocalPath)];
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Iomete.Engine.Catalogs;
using Iomete.Engine.DuckDb;
using Iomete.Functions.Maintenance.Operations;
using Iomete.Functions.Maintenance.Settings;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;

namespace Iomete.Bench;

/// <summary>
/// Compaction throughput (issue 9): a table written by many INSERTs (one small Parquet file each) is compacted by our
/// rewrite (plan through the REST catalog, read through the engine's Iceberg reader, write Iceberg Parquet, commit one
/// replace snapshot) versus DuckDB <c>COPY (SELECT * FROM read_parquet([...files])) TO '…' (FORMAT parquet)</c> of the same
/// files, in alternating rounds, each round on a fresh table. Throughput = input bytes (and rows) per second.
/// </summary>
internal static class CompactionBenchmark
{
    private const string Catalog = "spark_catalog";
    private const string Database = "bench_compaction";
    private const int Files = 200;
    private const int RowsPerFile = 20_000;

    public static async Task<string> RunAsync(BenchOptions options)
    {
        await using var platform = await BenchPlatform.StartAsync();
        using var client = platform.Client();
        await SqlAsync(client, $"CREATE DATABASE IF NOT EXISTS {Database}");
        var compactor = platform.Services.GetRequiredService<DataFileCompactor>();
        var catalog = platform.Services.GetRequiredService<PlatformCatalog>();
        var io = platform.Services.GetRequiredService<TableFileIO>();
        var root = new Uri(io.Root).LocalPath;
        var ours = new List<(double Seconds, long Bytes, long Rows)>();
        var duck = new List<(double Seconds, long Bytes, long Rows)>();
        var duckZstd = new List<(double Seconds, long Bytes, long Rows)>();
        var config = new RewriteDataFilesConfig();
        for (var round = 0; round < options.Rounds; round++)
        {
            var table = $"t{round}";
            await SqlAsync(client, $"CREATE TABLE {table} (id BIGINT, amount DOUBLE, name VARCHAR, at TIMESTAMP)");
            for (var i = 0; i < Files; i++)
            {
                var from = (long)i * RowsPerFile;
                await SqlAsync(client, string.Create(CultureInfo.InvariantCulture,
                    $"INSERT INTO {table} SELECT range, range * 1.5, 'name-' || (range % 1000), TIMESTAMP '2026-01-01' + to_seconds(range) FROM range({from}, {from + RowsPerFile})"));
            }
            var ident = new TableIdent(Catalog, Database, table);
            var files = await LiveFilesAsync(catalog, io, ident);
            var paths = files.Select(f => Path.Combine(root, io.KeyOf(f.FilePath).Replace('/', Path.DirectorySeparatorChar))).ToList();
            var bytes = files.Sum(f => f.FileSizeInBytes);
            var rows = files.Sum(f => f.RecordCount);
            async Task Ours()
            {
                var watch = Stopwatch.StartNew();
                await compactor.RunAsync(ident, config, 2, CancellationToken.None);
                ours.Add((watch.Elapsed.TotalSeconds, bytes, rows));
            }
            async Task Duck()
            {
                duck.Add(await DuckCopyAsync(paths, bytes, ""));
                duckZstd.Add(await DuckCopyAsync(paths, bytes, ", COMPRESSION zstd"));
            }
            if (round % 2 == 0)
            {
                await Duck();
                await Ours();
            }
            else
            {
                await Ours();
                await Duck();
            }
            var after = await LiveFilesAsync(catalog, io, ident);
            if (after.Sum(f => f.RecordCount) != rows)
            {
                throw new InvalidOperationException($"Compaction changed the row count of {table}: {rows} → {after.Sum(f => f.RecordCount)}");
            }
        }
        return Report(options, ours, duck, duckZstd);
    }

    private static string Report(BenchOptions options, List<(double Seconds, long Bytes, long Rows)> ours, List<(double Seconds, long Bytes, long Rows)> duck,
        List<(double Seconds, long Bytes, long Rows)> duckZstd)
    {
        static (double Seconds, long Bytes, long Rows) Median(List<(double Seconds, long Bytes, long Rows)> runs) => runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);
        var o = Median(ours);
        var d = Median(duck);
        var z = Median(duckZstd);
        static string Row(string name, (double Seconds, long Bytes, long Rows) r) => string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {r.Bytes / 1e6:F1} | {r.Rows:N0} | {r.Seconds:F2} | {r.Bytes / 1e6 / r.Seconds:F1} | {r.Rows / r.Seconds:N0} |");
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"### Compaction (issue 9) — {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}, {Files} files × {RowsPerFile:N0} rows (BIGINT, DOUBLE, VARCHAR, TIMESTAMP), median of {options.Rounds} alternating rounds, load average {BenchMachine.LoadAverage()}");
        text.AppendLine();
        text.AppendLine("| rewrite | input MB | rows | seconds | MB/s | rows/s |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        text.AppendLine(Row("ours: plan via REST catalog, read with deletes applied, write Iceberg Parquet (zstd, field ids, metrics), commit one `replace` snapshot", o));
        text.AppendLine(Row("DuckDB `COPY (SELECT * FROM read_parquet([...])) TO … (FORMAT parquet)` (snappy, baseline)", d));
        text.AppendLine(Row("DuckDB the same with `COMPRESSION zstd` (what our files use)", z));
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Ours / DuckDB COPY: **{d.Seconds / o.Seconds:F2}** (goal ≥ 0.8); ours / DuckDB COPY with zstd: **{z.Seconds / o.Seconds:F2}**. MB = 10⁶ bytes of input Parquet; both read the same local files."));
        return text.ToString();
    }

    private static async Task<(double Seconds, long Bytes, long Rows)> DuckCopyAsync(List<string> paths, long bytes, string extra)
    {
        var output = Path.Combine(Path.GetTempPath(), $"iomete-bench-copy-{Guid.NewGuid():N}.parquet");
        try
        {
            await using var connection = await EngineConnections.OpenInMemoryAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_parquet([{string.Join(", ", paths.Select(p => "'" + p.Replace("'", "''", StringComparison.Ordinal) + "'"))}])) TO '{output}' (FORMAT parquet{extra})";
            var watch = Stopwatch.StartNew();
            var rows = await command.ExecuteNonQueryAsync();
            return (watch.Elapsed.TotalSeconds, bytes, rows);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static async Task<List<DataFile>> LiveFilesAsync(PlatformCatalog catalog, TableFileIO io, TableIdent ident)
    {
        var table = await catalog.LoadAsync(ident, CancellationToken.None);
        var list = ManifestListReader.Read(await io.ReadAllAsync(table.Metadata.CurrentSnapshot!.ManifestList, CancellationToken.None)).Manifests;
        var files = new List<DataFile>();
        foreach (var manifest in list)
        {
            files.AddRange(ManifestReader.Read(await io.ReadAllAsync(manifest.ManifestPath, CancellationToken.None), manifest).Entries
                .Where(e => e.Status != EntryStatus.Deleted).Select(e => e.DataFile));
        }
        return files;
    }

    private static async Task SqlAsync(HttpClient client, string sql)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/domains/default/sql/queries?wait=60",
            new { query = sql, computeCluster = "local", catalog = Catalog, database = Database });
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        if (!response.IsSuccessStatusCode || json.RootElement.GetProperty("status").GetString() != "COMPLETED")
        {
            throw new InvalidOperationException($"{sql[..Math.Min(80, sql.Length)]}: {text}");
        }
    }

}

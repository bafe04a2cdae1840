using System.Globalization;
using Iomete.Engine.DuckDb;
using Iomete.Engine.Parquet;
using Iomete.Engine.Reads;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Scan;
using Iomete.Iceberg.Writes;

namespace Iomete.Engine.Tests.Reads;

/// <summary>Writes tables into a temporary warehouse and reads them back through <see cref="IcebergTableReader"/> in DuckDB.</summary>
internal sealed class ReadTables(Warehouse warehouse)
{
    public IcebergTableReader Reader { get; } = new(warehouse.IO, new ScanPlanner(warehouse.IO));

    public async Task<(TableMetadata Table, IReadOnlyList<DataFile> Files)> AppendAsync(TableMetadata table, IReadOnlyList<object?[]> rows)
    {
        var files = await new ParquetDataFileWriter(warehouse.IO).WriteRowsAsync(table, rows, CancellationToken.None);
        var commit = await new AppendFiles(warehouse.IO).PrepareAsync(table, files, ct: CancellationToken.None);
        return (commit.ApplyTo(table, Now()), files);
    }

    public TableMetadata Evolve(TableMetadata table, Iomete.Iceberg.Schemas.Schema schema) =>
        MetadataUpdater.Apply(table, [new AddSchema(schema, schema.HighestFieldId), new SetCurrentSchema(-1)], Now());

    /// <summary>Commits a row-level delete snapshot (a delete manifest with one delete file) as Java's RowDelta would.</summary>
    public async Task<TableMetadata> CommitDeleteFileAsync(TableMetadata table, DataFile deleteFile)
    {
        var ct = CancellationToken.None;
        var parent = table.CurrentSnapshot!;
        var snapshotId = new SnapshotIdGenerator().Next(table);
        var sequence = table.LastSequenceNumber + 1;
        var writer = new ManifestWriter(table.CurrentSchema, table.DefaultSpec, snapshotId, ManifestContent.Deletes);
        writer.Add(deleteFile);
        var manifestPath = $"{table.Location}/metadata/{Guid.NewGuid()}-m0.avro";
        ManifestFile manifest;
        using (var buffer = new MemoryStream())
        {
            manifest = writer.Write(buffer, manifestPath);
            await warehouse.IO.WriteAsync(manifestPath, buffer.ToArray(), ct);
        }
        var parentManifests = ManifestListReader.Read(await warehouse.IO.ReadAllAsync(parent.ManifestList, ct)).Manifests;
        var listPath = $"{table.Location}/metadata/snap-{snapshotId}-1-{Guid.NewGuid()}.avro";
        using (var buffer = new MemoryStream())
        {
            ManifestListWriter.Write(buffer, snapshotId, parent.SnapshotId, sequence, [manifest, .. parentManifests]);
            await warehouse.IO.WriteAsync(listPath, buffer.ToArray(), ct);
        }
        var now = Math.Max(Now(), parent.TimestampMs + 1);
        var summary = new Dictionary<string, string> { ["operation"] = SnapshotOperations.Delete };
        var snapshot = new Snapshot(snapshotId, parent.SnapshotId, sequence, now, listPath, summary, table.CurrentSchemaId);
        return MetadataUpdater.Apply(table, [new AddSnapshot(snapshot), new SetSnapshotRef(SnapshotRef.MainBranch, SnapshotRef.Branch(snapshotId))], now);
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>Writes a delete file with a DuckDB query (COPY options appended) into the table's data folder.</summary>
    public async Task<DataFile> WriteDeleteFileAsync(TableMetadata table, string query, string options, FileContent content, long records, IReadOnlyList<int>? equalityIds = null)
    {
        var location = $"{table.Location}/data/delete-{Guid.NewGuid()}.parquet";
        var local = warehouse.LocalPath(location);
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await using (var connection = await EngineConnections.OpenInMemoryAsync(CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"COPY ({query}) TO '{local}' (FORMAT parquet{options})";
            await command.ExecuteNonQueryAsync();
        }
        return new DataFile
        {
            Content = content,
            FilePath = location,
            RecordCount = records,
            FileSizeInBytes = new FileInfo(local).Length,
            EqualityIds = equalityIds,
        };
    }

    /// <summary>The relation's column names with DuckDB types, and its rows as <c>v1|v2|…</c> (NULL as <c>null</c>) ordered.</summary>
    public async Task<(List<string> Columns, List<string> Rows, TableReadPlan Plan)> ReadAsync(
        TableMetadata table, long? snapshotId = null, Expression? filter = null, string select = "SELECT * FROM t")
    {
        var plan = await Reader.PlanAsync(table, snapshotId, filter, CancellationToken.None);
        await using var connection = await EngineConnections.OpenInMemoryAsync(CancellationToken.None);
        await Reader.CreateViewAsync(connection, plan, "t", CancellationToken.None);
        var columns = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT column_name, column_type FROM (DESCRIBE t)";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add($"{reader.GetString(0)} {reader.GetString(1)}");
            }
        }
        var rows = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = select;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                rows.Add(string.Join('|', values));
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return (columns, rows, plan);
    }
}

using DuckDB.NET.Data;
using Iomete.Engine.Catalogs;
using Iomete.Engine.DuckDb;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Writes;

namespace Iomete.Functions.EventStreams.Ingest.Commit;

/// <summary>
/// Incremental compaction: rewrites the small files a stream wrote to one partition as one file and swaps them in a
/// <c>replace</c> snapshot. Ingestion goes on meanwhile (its appends and this commit retry around each other). When a
/// file is gone (another writer rewrote or deleted it) or a column was renamed since, the group is left as it is.
/// </summary>
internal static class Compactor
{
    private const int MaxAttempts = 10;

    /// <returns>True when the files were replaced.</returns>
    public static async Task<bool> CompactAsync(CommitContext context, TableIdent ident, IReadOnlyList<DataFile> files, CancellationToken ct)
    {
        var locals = new List<string>();
        DataFile? merged = null;
        try
        {
            foreach (var file in files)
            {
                var local = Path.Combine(context.ScratchDirectory, $"{Guid.NewGuid():N}.parquet");
                locals.Add(local);
                await using var source = await context.Io.OpenReadAsync(file.FilePath, null, ct);
                await using var target = new FileStream(local, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true);
                await source.CopyToAsync(target, ct);
            }
            await using var connection = await EngineConnections.OpenInMemoryAsync(ct);
            var read = $"read_parquet([{string.Join(", ", locals.Select(DuckDbSchema.Literal))}], union_by_name = true)";
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var table = await context.Catalog.LoadTableAsync(ident, ct);
                if (table is null)
                {
                    return false;
                }
                if (merged is null)
                {
                    var present = await ColumnsAsync(connection, read, ct);
                    var schema = table.Metadata.CurrentSchema;
                    if (schema.Fields.Any(f => !present.Contains(f.Name)))
                    {
                        return false;
                    }
                    var select = string.Join(", ", schema.Fields.Select(f => DuckDbSchema.Quote(f.Name)));
                    merged = await new ParquetDataFileWriter(context.Io, context.ScratchDirectory)
                        .WriteQueryAsync(connection, table.Metadata, $"SELECT {select} FROM {read}", files[0].Partition, ct);
                }
                SnapshotCommit commit;
                try
                {
                    commit = await new OverwriteFiles(context.Io).PrepareAsync(table.Metadata, files.Select(f => f.FilePath).ToList(), [merged], null, ct, rewrite: true);
                }
                catch (ArgumentException)
                {
                    return false;
                }
                try
                {
                    await context.Catalog.CommitAsync(ident, commit.Requirements, commit.Updates, ct);
                    merged = null;
                    return true;
                }
                catch (CatalogCommitConflictException)
                {
                    await commit.CleanupAsync(context.Io, CancellationToken.None);
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 100)), ct);
                }
            }
            return false;
        }
        finally
        {
            if (merged is not null)
            {
                await context.Io.DeleteAsync(merged.FilePath, CancellationToken.None);
            }
            foreach (var local in locals)
            {
                File.Delete(local);
            }
        }
    }

    private static async Task<HashSet<string>> ColumnsAsync(DuckDBConnection connection, string read, CancellationToken ct)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM {read}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}

using System.Globalization;
using Iomete.Engine.Catalogs;
using Iomete.Engine.DuckDb;
using Iomete.Engine.Reads;
using Iomete.Engine.Writes;
using Iomete.Functions.Maintenance.Settings;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Scan;
using Iomete.Iceberg.Writes;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Maintenance.Operations;

/// <summary>
/// Compaction: within each partition, data files smaller than the small-file size are bin-packed into groups of up to
/// the target size; each group is read through the engine's reader (its delete files applied) and written again as
/// Parquet by the engine's writer, and everything lands as ONE <c>replace</c> snapshot committed through the catalog
/// with <c>assert-ref-snapshot-id</c>. A concurrent commit makes the attempt fail cleanly (its new files deleted) and
/// the work is planned again on the fresh metadata; rows are counted before the commit, so a rewrite never loses or
/// invents a row.
/// </summary>
public sealed class DataFileCompactor(PlatformCatalog platform, TableFileIO io, IcebergTableReader reader, IOptions<MaintenanceOptions> options)
{
    public async Task<string> RunAsync(TableIdent ident, RewriteDataFilesConfig config, int minInputFiles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        var attempts = Math.Max(1, options.Value.CommitAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var table = await platform.LoadAsync(ident, ct);
            var plan = await reader.PlanAsync(table.Metadata, null, null, ct);
            var bins = Bins(plan.Scan.Tasks, config);
            var inputs = bins.Sum(b => b.Count);
            if (inputs < minInputFiles)
            {
                return $"Nothing to rewrite: {inputs} small file(s) can be combined, fewer than the minimum of {minInputFiles}";
            }
            var written = new List<DataFile>();
            SnapshotCommit? commit = null;
            try
            {
                await using (var connection = await EngineConnections.OpenInMemoryAsync(ct))
                {
                    var writer = new RelationWriter(io, Scratch());
                    foreach (var bin in bins)
                    {
                        ct.ThrowIfCancellationRequested();
                        var sql = reader.RelationSql(plan with { Scan = plan.Scan with { Tasks = bin } });
                        written.AddRange(await writer.WriteAsync(connection, table.Metadata, sql, ct));
                    }
                }
                var removed = bins.SelectMany(b => b).ToList();
                CheckRows(removed, written);
                commit = await new OverwriteFiles(io).PrepareAsync(
                    table.Metadata, removed.Select(t => t.DataFile.File.FilePath).ToList(), written, ct: ct, rewrite: true);
                await platform.Catalog.CommitAsync(ident, commit.Requirements, commit.Updates, ct);
                return string.Create(CultureInfo.InvariantCulture,
                    $"Rewrote {removed.Count} data file(s) ({Mib(removed.Sum(t => t.DataFile.File.FileSizeInBytes))}) into {written.Count} ({Mib(written.Sum(f => f.FileSizeInBytes))}) in snapshot {commit.Snapshot.SnapshotId}");
            }
            catch (CatalogCommitConflictException) when (attempt < attempts)
            {
                await DiscardAsync(commit, written);
            }
            catch (CatalogCommitConflictException e)
            {
                await DiscardAsync(commit, written);
                throw new MaintenanceAbortedException($"The table kept changing while it was compacted ({attempts} attempts lost to concurrent commits): {e.Message}");
            }
            catch
            {
                await DiscardAsync(commit, written);
                throw;
            }
        }
    }

    /// <summary>Small files grouped by spec and partition, each group packed first-fit-decreasing into bins of at most the target size; bins of one file are dropped.</summary>
    internal static List<List<FileScanTask>> Bins(IReadOnlyList<FileScanTask> tasks, RewriteDataFilesConfig config)
    {
        var result = new List<List<FileScanTask>>();
        var groups = tasks
            .Where(t => t.DataFile.File.Content == FileContent.Data && t.DataFile.File.FileSizeInBytes < config.SmallFileSizeBytes)
            .GroupBy(t => PartitionKey(t.DataFile), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var bins = new List<(List<FileScanTask> Files, long Size)>();
            foreach (var task in group.OrderByDescending(t => t.DataFile.File.FileSizeInBytes))
            {
                var size = task.DataFile.File.FileSizeInBytes;
                var index = bins.FindIndex(b => b.Size + size <= config.TargetFileSizeBytes);
                if (index < 0)
                {
                    bins.Add(([task], size));
                }
                else
                {
                    bins[index].Files.Add(task);
                    bins[index] = (bins[index].Files, bins[index].Size + size);
                }
            }
            result.AddRange(bins.Where(b => b.Files.Count > 1).Select(b => b.Files));
        }
        return result;
    }

    private static string PartitionKey(ScanFile file) =>
        file.SpecId.ToString(CultureInfo.InvariantCulture) + "|" + string.Join("|", file.File.Partition.Select(v => v switch
        {
            null => "\u0000",
            byte[] bytes => Convert.ToBase64String(bytes),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));

    /// <summary>Without delete files, the rewritten files must hold exactly the rows of the files they replace.</summary>
    private static void CheckRows(List<FileScanTask> removed, List<DataFile> written)
    {
        if (removed.Any(t => t.DeleteFiles.Count > 0))
        {
            return;
        }
        var before = removed.Sum(t => t.DataFile.File.RecordCount);
        var after = written.Sum(f => f.RecordCount);
        if (before != after)
        {
            throw new MaintenanceAbortedException($"Compaction aborted: the rewritten files hold {after} rows, the files they would replace {before}; nothing was committed");
        }
    }

    private async Task DiscardAsync(SnapshotCommit? commit, List<DataFile> written)
    {
        if (commit is not null)
        {
            await commit.CleanupAsync(io, CancellationToken.None);
        }
        foreach (var file in written)
        {
            await io.DeleteAsync(file.FilePath, CancellationToken.None);
        }
    }

    private string Scratch()
    {
        var folder = options.Value.ScratchDirectory ?? Path.Combine(Path.GetTempPath(), "iomete-maintenance");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.##} MiB");
}

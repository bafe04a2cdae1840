using System.Globalization;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Writes;

/// <summary>
/// Builds a snapshot summary with the spec's metric keys: added/deleted counts of this snapshot and totals
/// carried from the parent's summary. As the Java reference does, a total the parent lacks is left out
/// (its value is unknown), except for the first snapshot of a branch, which starts from zero.
/// </summary>
internal sealed class SnapshotSummary
{
    private readonly HashSet<string> changedPartitions = new(StringComparer.Ordinal);
    private long addedDataFiles;
    private long deletedDataFiles;
    private long addedRecords;
    private long deletedRecords;
    private long addedSize;
    private long removedSize;

    public void Added(DataFile file, string partitionKey)
    {
        addedDataFiles++;
        addedRecords += file.RecordCount;
        addedSize += file.FileSizeInBytes;
        changedPartitions.Add(partitionKey);
    }

    public void Deleted(DataFile file, string partitionKey)
    {
        deletedDataFiles++;
        deletedRecords += file.RecordCount;
        removedSize += file.FileSizeInBytes;
        changedPartitions.Add(partitionKey);
    }

    public long AddedRecords => addedRecords;

    /// <summary>Extra summary properties (a writer's own keys, e.g. the batch a streaming commit carries); metric keys win.</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; set; }

    public Dictionary<string, string> Build(string operation, Snapshot? parent)
    {
        var summary = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Properties ?? new Dictionary<string, string>())
        {
            summary[key] = value;
        }
        summary["operation"] = operation;
        Put(summary, "added-data-files", addedDataFiles);
        Put(summary, "deleted-data-files", deletedDataFiles);
        Put(summary, "added-records", addedRecords);
        Put(summary, "deleted-records", deletedRecords);
        Put(summary, "added-files-size", addedSize);
        Put(summary, "removed-files-size", removedSize);
        summary["changed-partition-count"] = Text(changedPartitions.Count);
        Total(summary, parent, "total-records", addedRecords - deletedRecords);
        Total(summary, parent, "total-files-size", addedSize - removedSize);
        Total(summary, parent, "total-data-files", addedDataFiles - deletedDataFiles);
        Total(summary, parent, "total-delete-files", 0);
        Total(summary, parent, "total-position-deletes", 0);
        Total(summary, parent, "total-equality-deletes", 0);
        return summary;
    }

    private static void Put(Dictionary<string, string> summary, string key, long value)
    {
        if (value != 0)
        {
            summary[key] = Text(value);
        }
    }

    private static void Total(Dictionary<string, string> summary, Snapshot? parent, string key, long change)
    {
        if (parent is null)
        {
            summary[key] = Text(change);
            return;
        }
        if (parent.Summary.TryGetValue(key, out var text)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var previous))
        {
            summary[key] = Text(previous + change);
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

namespace Iomete.Iceberg.Metadata;

/// <summary>
/// A table snapshot: the state of a table at some time, reached through its manifest list.
/// <see cref="Summary"/> holds every summary entry including <c>operation</c>.
/// </summary>
public sealed record Snapshot(
    long SnapshotId,
    long? ParentSnapshotId,
    long SequenceNumber,
    long TimestampMs,
    string ManifestList,
    IReadOnlyDictionary<string, string> Summary,
    int? SchemaId = null)
{
    /// <summary>The summary's <c>operation</c> (append, replace, overwrite, delete); null only for a v1 snapshot without summary.</summary>
    public string? Operation => Summary.TryGetValue("operation", out var op) ? op : null;

    /// <summary>v3: the first row id assigned to rows added by this snapshot.</summary>
    public long? FirstRowId { get; init; }

    /// <summary>v3: the number of rows added by this snapshot (upper bound of assigned row ids).</summary>
    public long? AddedRows { get; init; }
}

/// <summary>The spec's snapshot operations.</summary>
public static class SnapshotOperations
{
    public const string Append = "append";
    public const string Replace = "replace";
    public const string Overwrite = "overwrite";
    public const string Delete = "delete";

    public static bool IsKnown(string operation) => operation is Append or Replace or Overwrite or Delete;
}

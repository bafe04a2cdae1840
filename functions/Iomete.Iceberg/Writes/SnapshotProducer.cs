using Iomete.Iceberg.Commits;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;

namespace Iomete.Iceberg.Writes;

/// <summary>
/// What every snapshot-producing operation shares: the parent on the target branch, a fresh snapshot id,
/// unique metadata file names (as Java: <c>{commit-uuid}-m{n}.avro</c>, <c>snap-{id}-1-{commit-uuid}.avro</c>),
/// the parent's manifests, the manifest list with sequence numbers (and v3 row ids) assigned, and the commit.
/// </summary>
internal sealed class SnapshotProducer
{
    /// <summary>The table property that moves metadata files away from <c>{location}/metadata</c>.</summary>
    public const string MetadataPathProperty = "write.metadata.path";

    private readonly TableFileIO io;
    private readonly TimeProvider time;
    private readonly Guid commitUuid = Guid.NewGuid();
    private readonly List<string> written = [];
    private int manifestCount;

    public SnapshotProducer(TableMetadata metadata, TableFileIO io, string? branch, SnapshotIdGenerator ids, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(io);
        if (metadata.FormatVersion < 2)
        {
            throw new ArgumentException($"Writing snapshots needs format version 2 or 3; the table is v{metadata.FormatVersion}", nameof(metadata));
        }
        Branch = string.IsNullOrEmpty(branch) ? SnapshotRef.MainBranch : branch;
        var existing = metadata.Ref(Branch);
        if (existing is { IsBranch: false })
        {
            throw new ArgumentException($"'{Branch}' is a tag; snapshots are committed to branches", nameof(branch));
        }
        Metadata = metadata;
        this.io = io;
        this.time = time;
        // A new branch starts from the table's current snapshot, as in the Java reference.
        Parent = existing is not null ? metadata.SnapshotById(existing.SnapshotId) : metadata.CurrentSnapshot;
        SnapshotId = ids.Next(metadata);
        MetadataFolder = metadata.Properties.TryGetValue(MetadataPathProperty, out var path) && !string.IsNullOrWhiteSpace(path)
            ? path.TrimEnd('/')
            : metadata.Location.TrimEnd('/') + "/metadata";
    }

    public TableMetadata Metadata { get; }

    public string Branch { get; }

    public Snapshot? Parent { get; }

    public long SnapshotId { get; }

    public string MetadataFolder { get; }

    public async Task<IReadOnlyList<ManifestFile>> ParentManifestsAsync(CancellationToken ct)
    {
        if (Parent is null)
        {
            return [];
        }
        await using var stream = await io.OpenReadAsync(Parent.ManifestList, null, ct);
        return (await ManifestListReader.ReadAsync(stream, ct)).Manifests;
    }

    public async Task<Manifest> ReadManifestAsync(ManifestFile manifest, CancellationToken ct)
    {
        await using var stream = await io.OpenReadAsync(manifest.ManifestPath, null, ct);
        return await ManifestReader.ReadAsync(stream, manifest, ct);
    }

    /// <summary>Writes a new manifest for <paramref name="spec"/> filled by <paramref name="fill"/>.</summary>
    public async Task<ManifestFile> WriteManifestAsync(PartitionSpec spec, Action<ManifestWriter> fill, CancellationToken ct)
    {
        var writer = new ManifestWriter(Metadata.CurrentSchema, spec, SnapshotId);
        fill(writer);
        var location = $"{MetadataFolder}/{commitUuid}-m{manifestCount++}.avro";
        using var buffer = new MemoryStream();
        var manifest = writer.Write(buffer, location);
        await WriteAsync(location, buffer, ct);
        return manifest;
    }

    /// <summary>Writes the manifest list and returns the commit (requirement on the branch, add-snapshot, set-snapshot-ref).</summary>
    public async Task<SnapshotCommit> CommitAsync(string operation, IReadOnlyList<ManifestFile> manifests, SnapshotSummary summary, CancellationToken ct)
    {
        var sequenceNumber = Metadata.LastSequenceNumber + 1;
        var (assigned, firstRowId, addedRows) = AssignRowIds(manifests);
        var location = $"{MetadataFolder}/snap-{SnapshotId}-1-{commitUuid}.avro";
        using (var buffer = new MemoryStream())
        {
            ManifestListWriter.Write(buffer, SnapshotId, Parent?.SnapshotId, sequenceNumber, assigned, Math.Max(2, Metadata.FormatVersion));
            await WriteAsync(location, buffer, ct);
        }
        var snapshot = new Snapshot(
            SnapshotId,
            Parent?.SnapshotId,
            sequenceNumber,
            Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds(), Metadata.LastUpdatedMs),
            location,
            summary.Build(operation, Parent),
            Metadata.CurrentSchemaId)
        {
            FirstRowId = firstRowId,
            AddedRows = addedRows,
        };
        var current = Metadata.Ref(Branch);
        var newRef = current is null ? SnapshotRef.Branch(SnapshotId) : current with { SnapshotId = SnapshotId };
        return new SnapshotCommit(
            snapshot,
            Branch,
            [new AssertRefSnapshotId(Branch, current?.SnapshotId)],
            [new AddSnapshot(snapshot), new SetSnapshotRef(Branch, newRef)],
            [.. written]);
    }

    /// <summary>Deletes what this producer wrote so far (a failure before the commit was returned).</summary>
    public async Task AbortAsync()
    {
        foreach (var location in written)
        {
            try
            {
                await io.DeleteAsync(location, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Best effort, and never hiding the failure being handled: an orphan metadata file is harmless
                // and removable by orphan-file cleanup.
            }
        }
    }

    /// <summary>v3 row lineage: data manifests without a first row id get consecutive ids from next-row-id.</summary>
    private (IReadOnlyList<ManifestFile> Manifests, long? FirstRowId, long? AddedRows) AssignRowIds(IReadOnlyList<ManifestFile> manifests)
    {
        if (Metadata.FormatVersion < 3)
        {
            return (manifests, null, null);
        }
        var first = Metadata.NextRowId ?? 0;
        var next = first;
        var result = new List<ManifestFile>(manifests.Count);
        foreach (var m in manifests)
        {
            if (m.Content == ManifestContent.Data && m.FirstRowId is null)
            {
                result.Add(m with { FirstRowId = next });
                next += m.AddedRowsCount + m.ExistingRowsCount;
            }
            else
            {
                result.Add(m);
            }
        }
        return (result, first, next - first);
    }

    private async Task WriteAsync(string location, MemoryStream content, CancellationToken ct)
    {
        await io.WriteAsync(location, content.GetBuffer().AsMemory(0, (int)content.Length), ct);
        written.Add(location);
    }
}

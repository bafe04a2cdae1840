using System.Net;
using System.Text.Json;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Types;
using Iomete.Platform.Storage;

namespace Iomete.Functions.IcebergRest.Tests.Support;

/// <summary>
/// Writes a manifest and a manifest list into a table's folder (the local warehouse of the test platform)
/// and commits the snapshot through the REST catalog, as an engine would.
/// </summary>
internal static class TableFiles
{
    public static DataFile DataFile(string location, string name, long records, object? partitionValue, (int Id, PrimitiveType Type, object Lower, object Upper)[] bounds) => new()
    {
        FilePath = $"{location}/data/{name}.parquet",
        Partition = partitionValue is null ? [] : [partitionValue],
        RecordCount = records,
        FileSizeInBytes = 1024 + records,
        ValueCounts = bounds.ToDictionary(b => b.Id, _ => records),
        NullValueCounts = bounds.ToDictionary(b => b.Id, _ => 0L),
        LowerBounds = bounds.ToDictionary(b => b.Id, b => SingleValue.Serialize(b.Type, b.Lower)),
        UpperBounds = bounds.ToDictionary(b => b.Id, b => SingleValue.Serialize(b.Type, b.Upper)),
    };

    /// <summary>Appends the files as one new snapshot on main; returns the committed metadata.</summary>
    public static async Task<TableMetadata> AppendAsync(HttpClient admin, string tableUrl, IReadOnlyList<DataFile> files)
    {
        var loaded = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, tableUrl);
        var metadata = TableMetadataJson.Parse(loaded.GetProperty("metadata").GetRawText());
        var io = new TableFileIO(new LocalFolderObjectStore(new Uri(metadata.Location).LocalPath));
        var id = new SnapshotIdGenerator().Next(metadata);
        var sequence = metadata.LastSequenceNumber + 1;
        var manifests = new List<ManifestFile>();
        if (metadata.CurrentSnapshot is { } parent)
        {
            manifests.AddRange(ManifestListReader.Read(await io.ReadAllAsync(parent.ManifestList, default)).Manifests);
        }
        var writer = new ManifestWriter(metadata.CurrentSchema, metadata.DefaultSpec, id);
        foreach (var file in files)
        {
            writer.Add(file);
        }
        var manifestPath = $"{metadata.Location}/metadata/{Guid.NewGuid():N}-m0.avro";
        using (var buffer = new MemoryStream())
        {
            manifests.Insert(0, writer.Write(buffer, manifestPath));
            await io.WriteAsync(manifestPath, buffer.ToArray(), default);
        }
        var listPath = $"{metadata.Location}/metadata/snap-{id}-1-{Guid.NewGuid():N}.avro";
        using (var buffer = new MemoryStream())
        {
            ManifestListWriter.Write(buffer, id, metadata.CurrentSnapshotId, sequence, manifests);
            await io.WriteAsync(listPath, buffer.ToArray(), default);
        }
        var commit = new
        {
            requirements = new object[] { new Dictionary<string, object?> { ["type"] = "assert-ref-snapshot-id", ["ref"] = "main", ["snapshot-id"] = metadata.CurrentSnapshotId } },
            updates = new object[]
            {
                new
                {
                    action = "add-snapshot",
                    snapshot = new Dictionary<string, object?>
                    {
                        ["snapshot-id"] = id,
                        ["parent-snapshot-id"] = metadata.CurrentSnapshotId,
                        ["sequence-number"] = sequence,
                        ["timestamp-ms"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                        ["manifest-list"] = listPath,
                        ["summary"] = new Dictionary<string, string> { ["operation"] = "append", ["added-data-files"] = files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                        ["schema-id"] = metadata.CurrentSchemaId,
                    }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value),
                },
                new Dictionary<string, object> { ["action"] = "set-snapshot-ref", ["ref-name"] = "main", ["type"] = "branch", ["snapshot-id"] = id },
            },
        };
        var committed = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, tableUrl, commit);
        return TableMetadataJson.Parse(committed.GetProperty("metadata").GetRawText());
    }

    public static IReadOnlyList<string> FilePaths(JsonElement scanTasks) =>
        scanTasks.TryGetProperty("file-scan-tasks", out var tasks)
            ? tasks.EnumerateArray().Select(t => t.GetProperty("data-file").GetProperty("file-path").GetString()!).Order().ToList()
            : [];
}

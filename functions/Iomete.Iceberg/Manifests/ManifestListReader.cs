using System.Globalization;
using Iomete.Iceberg.Manifests.Avro;

namespace Iomete.Iceberg.Manifests;

/// <summary>A manifest list as read: its key/value metadata and manifest entries.</summary>
public sealed record ManifestList(long? SnapshotId, long? ParentSnapshotId, long SequenceNumber, int FormatVersion, IReadOnlyList<ManifestFile> Manifests);

/// <summary>Reads manifest lists (Avro); v1 lists (no sequence numbers) read them as 0.</summary>
public static class ManifestListReader
{
    public static async Task<ManifestList> ReadAsync(Stream input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return Read(buffer.ToArray());
    }

    public static ManifestList Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var file = AvroContainer.Read(bytes);
        return new ManifestList(
            Long(file.Meta("snapshot-id")),
            Long(file.Meta("parent-snapshot-id")),
            Long(file.Meta("sequence-number")) ?? 0,
            (int)(Long(file.Meta("format-version")) ?? 1),
            [.. file.Records.Select(ManifestFileAvro.FromAvro)]);
    }

    private static long? Long(string? value) =>
        value is null or "null" ? null : long.Parse(value, CultureInfo.InvariantCulture);
}

using System.Text;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Scan;

/// <summary>
/// Finds the delete files that apply to a data file (spec "Scan Planning"): a position delete file applies when its
/// data sequence number is at least the data file's and it has the same spec and partition (and, when its
/// <c>file_path</c> bounds are present, they include the data file's path); an equality delete file applies when its
/// data sequence number is greater than the data file's and it is global (unpartitioned spec) or has the same spec
/// and partition.
/// </summary>
internal sealed class DeleteFileIndex
{
    /// <summary>The reserved field id of <c>file_path</c> in position delete files.</summary>
    private const int FilePathFieldId = 2147483546;

    private readonly List<ScanFile> globalEquality = [];
    private readonly Dictionary<string, List<ScanFile>> position = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ScanFile>> equality = new(StringComparer.Ordinal);

    public DeleteFileIndex(IEnumerable<ScanFile> deletes, TableMetadata metadata)
    {
        foreach (var d in deletes)
        {
            Count++;
            if (d.File.Content == FileContent.EqualityDeletes && metadata.SpecById(d.SpecId) is not { IsUnpartitioned: false })
            {
                globalEquality.Add(d);
                continue;
            }
            var map = d.File.Content == FileContent.PositionDeletes ? position : equality;
            var key = PartitionKey.Of(d.SpecId, d.File.Partition);
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }
            list.Add(d);
        }
    }

    public int Count { get; }

    public IReadOnlyList<ScanFile> For(ScanFile data)
    {
        var key = PartitionKey.Of(data.SpecId, data.File.Partition);
        var result = new List<ScanFile>();
        if (position.TryGetValue(key, out var positions))
        {
            result.AddRange(positions.Where(d => d.DataSequenceNumber >= data.DataSequenceNumber && MayReference(d.File, data.File.FilePath)));
        }
        if (equality.TryGetValue(key, out var equalities))
        {
            result.AddRange(equalities.Where(d => d.DataSequenceNumber > data.DataSequenceNumber));
        }
        result.AddRange(globalEquality.Where(d => d.DataSequenceNumber > data.DataSequenceNumber));
        return result;
    }

    private static bool MayReference(DataFile delete, string dataPath)
    {
        var path = Encoding.UTF8.GetBytes(dataPath);
        if (delete.LowerBounds is not null && delete.LowerBounds.TryGetValue(FilePathFieldId, out var lower) && lower.AsSpan().SequenceCompareTo(path) > 0)
        {
            return false;
        }
        return !(delete.UpperBounds is not null && delete.UpperBounds.TryGetValue(FilePathFieldId, out var upper) && upper.AsSpan().SequenceCompareTo(path) < 0);
    }
}

using Iomete.Iceberg.Manifests;

namespace Iomete.Functions.EventStreams.Ingest.Commit;

/// <summary>The small files a stream added to one table since they were last compacted, grouped by partition.</summary>
internal sealed class CompactionTracker
{
    /// <summary>Files from this size on are big enough to stay as they are (a busy stream's commits need no compaction).</summary>
    public const long SmallFileBytes = 32L << 20;

    private readonly Lock gate = new();
    private readonly Dictionary<string, List<DataFile>> byPartition = new(StringComparer.Ordinal);
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Add(IEnumerable<DataFile> files)
    {
        lock (gate)
        {
            foreach (var file in files)
            {
                var key = Key(file);
                if (!byPartition.TryGetValue(key, out var list))
                {
                    byPartition[key] = list = [];
                }
                list.Add(file);
                count++;
            }
        }
    }

    /// <summary>The files of the fullest partition when it holds at least <paramref name="threshold"/> files.</summary>
    public IReadOnlyList<DataFile>? Ready(int threshold)
    {
        lock (gate)
        {
            var fullest = byPartition.Values.MaxBy(l => l.Count);
            return fullest is not null && fullest.Count >= threshold ? [.. fullest] : null;
        }
    }

    /// <summary>Forgets files (compacted, or found gone from the table).</summary>
    public void Remove(IReadOnlyCollection<DataFile> files)
    {
        lock (gate)
        {
            foreach (var file in files)
            {
                if (byPartition.TryGetValue(Key(file), out var list) && list.Remove(file))
                {
                    count--;
                    if (list.Count == 0)
                    {
                        byPartition.Remove(Key(file));
                    }
                }
            }
        }
    }

    private static string Key(DataFile file) =>
        string.Join("|", file.Partition.Select(v => v switch
        {
            null => "\0",
            byte[] b => Convert.ToBase64String(b),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));
}

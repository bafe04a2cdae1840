using System.Text.Json;
using Iomete.Functions.EventStreams.Ingest.Wal;

namespace Iomete.Functions.EventStreams.Ingest.Runtime;

/// <summary>
/// The newest committed LSN per table, saved atomically after commits: it lets old log segments be retired even when a
/// table's snapshots that carried the LSN were expired since. The tables' snapshot summaries stay the authority.
/// </summary>
internal sealed class Checkpoints
{
    private readonly string path;
    private readonly Lock gate = new();
    private readonly Dictionary<string, long> byTable;

    public Checkpoints(string directory)
    {
        path = Path.Combine(directory, "checkpoint.json");
        byTable = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllBytes(path)) ?? []
            : [];
    }

    public long Of(string table)
    {
        lock (gate)
        {
            return byTable.GetValueOrDefault(table);
        }
    }

    public void Save(string table, long lsn)
    {
        lock (gate)
        {
            if (byTable.GetValueOrDefault(table) >= lsn)
            {
                return;
            }
            byTable[table] = lsn;
            DurableFiles.ReplaceAtomically(path, JsonSerializer.SerializeToUtf8Bytes(byTable));
        }
    }
}

using System.Text;

namespace Iomete.Functions.EventStreams.Ingest.Wal;

/// <summary>
/// The identity of one stream log directory, made once and kept in <c>log-id</c>. Snapshot summaries name it, so that
/// replicas of a stream (each with its own volume and LSNs) never mistake each other's commits for their own.
/// </summary>
internal static class LogIdentity
{
    public static string OpenOrCreate(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "log-id");
        if (File.Exists(path))
        {
            var id = File.ReadAllText(path).Trim();
            if (id.Length == 32)
            {
                return id;
            }
        }
        var created = Guid.NewGuid().ToString("N");
        DurableFiles.ReplaceAtomically(path, Encoding.ASCII.GetBytes(created));
        return created;
    }
}

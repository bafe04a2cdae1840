namespace Iomete.Platform.Storage;

public sealed partial class LocalFolderObjectStore
{
    public const int MaxListKeys = 1000;

    public Task<ObjectListing> ListAsync(string prefix, string? delimiter, string? continuationToken, int maxKeys, CancellationToken ct)
    {
        ObjectKey.ValidatePrefix(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        maxKeys = Math.Min(maxKeys, MaxListKeys);
        if (delimiter is "")
        {
            delimiter = null;
        }

        // The walk visits folders in key order, so the listing is S3's order; the continuation
        // token is the last key or common prefix handed out.
        var startKey = prefix[..(prefix.LastIndexOf('/') + 1)];
        var startFolder = startKey.Length == 0 ? _root : Path.Combine(_root, startKey.Replace('/', Path.DirectorySeparatorChar));
        var objects = new List<ObjectInfo>();
        var prefixes = new List<string>();
        string? last = null;
        var truncated = false;
        foreach (var (key, file) in Fold(Walk(startFolder, startKey, prefix, delimiter, continuationToken, ct), prefix, delimiter))
        {
            if (continuationToken is not null && string.CompareOrdinal(key, continuationToken) <= 0)
            {
                continue;
            }
            if (objects.Count + prefixes.Count == maxKeys)
            {
                truncated = true;
                break;
            }
            if (file is null)
            {
                prefixes.Add(key);
            }
            else
            {
                objects.Add(new ObjectInfo(key, file.Length, file.LastWriteTimeUtc, ETagOf(file)));
            }
            last = key;
        }
        return Task.FromResult(new ObjectListing(objects, prefixes, truncated ? last : null));
    }

    /// <summary>Keys with the prefix in ordinal order; with delimiter '/', whole folders stand in for their keys.</summary>
    private IEnumerable<(string Key, FileInfo? File)> Walk(string folder, string folderKey, string prefix, string? delimiter, string? after, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        FileSystemInfo[] children;
        try
        {
            children = new DirectoryInfo(folder).GetFileSystemInfos();
        }
        catch (DirectoryNotFoundException)
        {
            yield break;
        }
        // A folder's keys all start with "name/", so sorting folders by that string keeps key order.
        foreach (var child in children.OrderBy(c => c is DirectoryInfo ? c.Name + "/" : c.Name, StringComparer.Ordinal))
        {
            var key = folderKey + child.Name;
            if (child is FileInfo file)
            {
                if (!key.EndsWith(TempSuffix, StringComparison.Ordinal) && key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield return (key, file);
                }
                continue;
            }
            var sub = key + "/";
            var overlaps = sub.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(sub, StringComparison.Ordinal);
            var allBeforeToken = after is not null && string.CompareOrdinal(sub, after) < 0 && !after.StartsWith(sub, StringComparison.Ordinal);
            if (!overlaps || allBeforeToken)
            {
                continue;
            }
            if (delimiter == "/" && sub.Length > prefix.Length && sub.StartsWith(prefix, StringComparison.Ordinal))
            {
                // Every key below folds into one common prefix: no need to walk it, only to know it holds an object.
                if (HoldsAnObject(child.FullName))
                {
                    yield return (sub, null);
                }
                continue;
            }
            foreach (var entry in Walk(child.FullName, sub, prefix, delimiter, after, ct))
            {
                yield return entry;
            }
        }
    }

    private static bool HoldsAnObject(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any(f => !f.EndsWith(TempSuffix, StringComparison.Ordinal));

    /// <summary>Folds keys into common prefixes (entries with a null file); keys sharing one are adjacent in order.</summary>
    private static IEnumerable<(string Key, FileInfo? File)> Fold(IEnumerable<(string Key, FileInfo? File)> entries, string prefix, string? delimiter)
    {
        string? lastPrefix = null;
        foreach (var entry in entries)
        {
            var at = delimiter is null ? -1 : entry.Key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
            if (at < 0)
            {
                yield return entry;
                continue;
            }
            var common = entry.Key[..(at + delimiter!.Length)];
            if (common != lastPrefix)
            {
                lastPrefix = common;
                yield return (common, null);
            }
        }
    }
}

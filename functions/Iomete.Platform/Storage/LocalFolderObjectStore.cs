namespace Iomete.Platform.Storage;

/// <summary>
/// Objects as files under a root folder. Writes go to a temporary file in the target folder,
/// are flushed to disk, then renamed into place, so a crash never leaves half an object; a
/// create-only put renames without overwrite, which the file system decides atomically.
/// </summary>
public sealed partial class LocalFolderObjectStore : IObjectStore
{
    /// <summary>Ending of in-flight temporary files; never listed, never a valid key.</summary>
    internal const string TempSuffix = ".iomete-tmp";

    private const int BufferSize = 128 * 1024;
    private const int MaxMaterializeAttempts = 3;

    private readonly string _root;

    public LocalFolderObjectStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        Directory.CreateDirectory(_root);
        RootUri = new Uri(_root).AbsoluteUri;
    }

    /// <summary>The folder, e.g. <c>file:///home/u/.iomete/warehouse</c> (no trailing slash).</summary>
    public string RootUri { get; }

    public bool SupportsConditionalPut => true;

    public async Task<ObjectInfo> PutAsync(string key, Stream content, PutOptions? options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        var temp = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        await WriteTempAsync(temp, content, ct);
        try
        {
            var written = new FileInfo(temp);
            var info = new ObjectInfo(key, written.Length, written.LastWriteTimeUtc, ETagOf(written));
            if (options?.IfNoneMatch == true)
            {
                if (!NoReplaceMove.TryMove(temp, path))
                {
                    throw new ObjectAlreadyExistsException(key);
                }
            }
            else
            {
                File.Move(temp, path, overwrite: true);
            }
            return info;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public Task<Stream> OpenReadAsync(string key, ByteRange? range, CancellationToken ct)
    {
        var path = PathOf(key);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException && !File.Exists(path))
        {
            throw new ObjectNotFoundException(key);
        }
        if (range is null)
        {
            return Task.FromResult<Stream>(file);
        }
        var length = file.Length;
        long start, count;
        if (range.SuffixLength is { } suffix)
        {
            start = Math.Max(0, length - suffix);
            count = length - start;
        }
        else
        {
            start = Math.Min(range.From, length);
            count = Math.Min(range.To ?? long.MaxValue - 1, length - 1) - start + 1;
        }
        return Task.FromResult<Stream>(new BoundedReadStream(file, start, Math.Max(0, count)));
    }

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken ct)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? new ObjectInfo(key, file.Length, file.LastWriteTimeUtc, ETagOf(file)) : null);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.CompletedTask;
        }
        PruneEmptyFolders(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        ObjectKey.Validate(key);
        if (key.EndsWith(TempSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Object keys must not end with '{TempSuffix}'.", nameof(key));
        }
        var path = Path.GetFullPath(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Object key '{key}' leaves the store's root.", nameof(key));
        }
        return path;
    }

    private static async Task WriteTempAsync(string temp, Stream content, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
            FileStream file;
            try
            {
                file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            }
            catch (DirectoryNotFoundException) when (attempt < MaxMaterializeAttempts)
            {
                // A concurrent delete pruned the folder between creating and using it.
                continue;
            }
            try
            {
                await using (file)
                {
                    await content.CopyToAsync(file, BufferSize, ct);
                    await file.FlushAsync(ct);
                    file.Flush(flushToDisk: true);
                }
                return;
            }
            catch
            {
                File.Delete(temp);
                throw;
            }
        }
    }

    private void PruneEmptyFolders(string folder)
    {
        while (folder.Length > _root.Length && folder.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            try
            {
                Directory.Delete(folder, recursive: false);
            }
            catch (DirectoryNotFoundException)
            {
            }
            catch (IOException)
            {
                return; // not empty: someone else's objects live here
            }
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    private static string ETagOf(FileInfo file) =>
        $"\"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}\"";
}

using Iomete.Platform.Storage;

namespace Iomete.Iceberg.IO;

/// <summary>
/// Iceberg file locations (absolute URIs, as written in metadata and manifests) over the platform's
/// object store. Every location must lie under the store's root; <c>s3://</c>, <c>s3a://</c> and
/// <c>s3n://</c> name the same bucket.
/// </summary>
public sealed class TableFileIO(IObjectStore store)
{
    public IObjectStore Store => store;

    /// <summary>True for a local folder, where checking that a file exists costs a stat, not a request.</summary>
    public bool IsLocal => store is LocalFolderObjectStore;

    /// <summary>The root every location lives under, without a trailing slash.</summary>
    public string Root => store.RootUri.TrimEnd('/');

    /// <summary>True when <paramref name="location"/> lies under the store's root.</summary>
    public bool Owns(string location) => TryKey(location, out _);

    /// <summary>The object key of a location; <see cref="ArgumentException"/> when it lies outside the store.</summary>
    public string KeyOf(string location) =>
        TryKey(location, out var key) ? key : throw new ArgumentException($"Location '{location}' is outside the warehouse root '{Root}'.", nameof(location));

    /// <summary>The location of an object key.</summary>
    public string LocationOf(string key) => Root + "/" + key;

    public async Task<byte[]> ReadAllAsync(string location, CancellationToken ct)
    {
        await using var stream = await store.OpenReadAsync(KeyOf(location), null, ct);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public Task<Stream> OpenReadAsync(string location, ByteRange? range, CancellationToken ct) => store.OpenReadAsync(KeyOf(location), range, ct);

    public async Task<bool> ExistsAsync(string location, CancellationToken ct) => await store.HeadAsync(KeyOf(location), ct) is not null;

    /// <summary>Writes a new file; files are immutable in Iceberg, so a location is written once.</summary>
    public async Task WriteAsync(string location, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        await store.PutAsync(KeyOf(location), stream, new PutOptions(IfNoneMatch: true), ct);
    }

    public Task DeleteAsync(string location, CancellationToken ct) => store.DeleteAsync(KeyOf(location), ct);

    /// <summary>Every file under a directory location (recursively), with size and modification time.</summary>
    public async IAsyncEnumerable<(string Location, ObjectInfo Info)> ListAsync(
        string directory, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var prefix = KeyOf(directory.TrimEnd('/') + "/x")[..^1];
        string? token = null;
        do
        {
            var page = await store.ListAsync(prefix, null, token, 1000, ct);
            foreach (var info in page.Objects)
            {
                yield return (LocationOf(info.Key), info);
            }
            token = page.NextContinuationToken;
        }
        while (token is not null);
    }

    private bool TryKey(string location, out string key)
    {
        key = "";
        var normalized = NormalizeScheme(location);
        var root = NormalizeScheme(Root) + "/";
        if (!normalized.StartsWith(root, StringComparison.Ordinal) || normalized.Length == root.Length)
        {
            return false;
        }
        key = normalized[root.Length..];
        try
        {
            ObjectKey.ValidatePrefix(key);
        }
        catch (ArgumentException)
        {
            return false;
        }
        return true;
    }

    private static string NormalizeScheme(string location)
    {
        foreach (var scheme in (string[])["s3a://", "s3n://"])
        {
            if (location.StartsWith(scheme, StringComparison.Ordinal))
            {
                return "s3://" + location[scheme.Length..];
            }
        }
        return location.StartsWith("file:/", StringComparison.Ordinal) && !location.StartsWith("file:///", StringComparison.Ordinal)
            ? "file:///" + location["file:/".Length..].TrimStart('/')
            : location;
    }
}

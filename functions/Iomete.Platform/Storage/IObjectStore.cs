namespace Iomete.Platform.Storage;

/// <summary>
/// Object storage: the warehouse and every file the platform keeps (tables, results, buffers).
/// Keys are relative to the store's root, separated by '/'. Adapters: a local folder and S3.
/// </summary>
public interface IObjectStore
{
    /// <summary>The URI of the store's root, e.g. <c>file:///home/u/.iomete/warehouse</c> or <c>s3a://bucket/prefix</c>.</summary>
    string RootUri { get; }

    /// <summary>True when <see cref="PutOptions.IfNoneMatch"/> is honoured by the store itself.</summary>
    bool SupportsConditionalPut { get; }

    /// <summary>Writes an object; large content goes up in parts. Throws <see cref="ObjectAlreadyExistsException"/> for a failed create-only put.</summary>
    Task<ObjectInfo> PutAsync(string key, Stream content, PutOptions? options, CancellationToken ct);

    /// <summary>Reads an object, or the inclusive byte range of it. Throws <see cref="ObjectNotFoundException"/>.</summary>
    Task<Stream> OpenReadAsync(string key, ByteRange? range, CancellationToken ct);

    /// <summary>Size and timestamps of an object, or null when it does not exist.</summary>
    Task<ObjectInfo?> HeadAsync(string key, CancellationToken ct);

    /// <summary>One page of keys under a prefix; with a delimiter, deeper keys fold into common prefixes.</summary>
    Task<ObjectListing> ListAsync(string prefix, string? delimiter, string? continuationToken, int maxKeys, CancellationToken ct);

    /// <summary>Deletes an object; deleting a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}

public sealed record PutOptions(bool IfNoneMatch = false, string? ContentType = null);

/// <summary>An inclusive byte range; <c>To</c> null means to the end.</summary>
public sealed record ByteRange(long From, long? To);

public sealed record ObjectInfo(string Key, long Size, DateTimeOffset LastModified, string? ETag);

public sealed record ObjectListing(IReadOnlyList<ObjectInfo> Objects, IReadOnlyList<string> CommonPrefixes, string? NextContinuationToken);

public sealed class ObjectNotFoundException(string key) : Exception($"Object '{key}' does not exist.")
{
    public string Key => key;
}

public sealed class ObjectAlreadyExistsException(string key) : Exception($"Object '{key}' already exists.")
{
    public string Key => key;
}

namespace Iomete.Platform.Storage;

/// <summary>
/// Object storage: the warehouse and every file the platform keeps (tables, results, buffers).
/// Keys are relative to the store's root, separated by '/'. Adapters: a local folder and S3.
/// </summary>
public interface IObjectStore
{
    /// <summary>The URI of the store's root, e.g. <c>file:///home/u/.iomete/warehouse</c> or <c>s3a://bucket/prefix</c>.</summary>
    string RootUri { get; }

    /// <summary>
    /// True when <see cref="PutOptions.IfNoneMatch"/> is enforced atomically by the store itself.
    /// When false, a create-only put is only checked before writing (racy): correctness must then
    /// come from a compare-and-swap in the metadata DB.
    /// </summary>
    bool SupportsConditionalPut { get; }

    /// <summary>Writes an object; large content goes up in parts. Throws <see cref="ObjectAlreadyExistsException"/> for a failed create-only put.</summary>
    Task<ObjectInfo> PutAsync(string key, Stream content, PutOptions? options, CancellationToken ct);

    /// <summary>Reads an object, or the inclusive byte range of it. Throws <see cref="ObjectNotFoundException"/>.</summary>
    Task<Stream> OpenReadAsync(string key, ByteRange? range, CancellationToken ct);

    /// <summary>Size and timestamps of an object, or null when it does not exist.</summary>
    Task<ObjectInfo?> HeadAsync(string key, CancellationToken ct);

    /// <summary>
    /// One page of keys under a prefix, sorted by key as S3 ListObjectsV2 does; with a delimiter,
    /// deeper keys fold into common prefixes. <paramref name="maxKeys"/> counts both (at most 1000).
    /// </summary>
    Task<ObjectListing> ListAsync(string prefix, string? delimiter, string? continuationToken, int maxKeys, CancellationToken ct);

    /// <summary>Deletes an object; deleting a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}

/// <param name="IfNoneMatch">Create-only: fail with <see cref="ObjectAlreadyExistsException"/> when the key exists.</param>
public sealed record PutOptions(bool IfNoneMatch = false, string? ContentType = null);

/// <summary>
/// An inclusive byte range; <c>To</c> null means to the end. A range that starts past the end of
/// an object reads nothing. <see cref="Last"/> reads a suffix (a Parquet footer) without a HEAD.
/// </summary>
public sealed record ByteRange
{
    public ByteRange(long from, long? to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The end of a byte range must not precede its start.");
        }
        From = from;
        To = to;
    }

    private ByteRange(long suffixLength) => SuffixLength = suffixLength;

    public long From { get; }

    public long? To { get; }

    /// <summary>Set for a suffix range: the number of bytes at the end of the object.</summary>
    public long? SuffixLength { get; }

    /// <summary>
    /// The last <paramref name="length"/> bytes, or the whole object when it is shorter. On S3 this
    /// costs a HEAD before the GET; callers that know the size should pass an explicit range.
    /// </summary>
    public static ByteRange Last(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return new ByteRange(length);
    }

    /// <summary>The HTTP <c>Range</c> form, e.g. <c>bytes=5-9</c>, <c>bytes=5-</c>, <c>bytes=-8</c>.</summary>
    public override string ToString() =>
        SuffixLength is { } n ? $"bytes=-{n}" : $"bytes={From}-{To?.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

public sealed record ObjectInfo(string Key, long Size, DateTimeOffset LastModified, string? ETag);

/// <summary>One page of a listing, sorted by key; keys and prefixes are relative to the store's root.</summary>
public sealed record ObjectListing(IReadOnlyList<ObjectInfo> Objects, IReadOnlyList<string> CommonPrefixes, string? NextContinuationToken);

public sealed class ObjectNotFoundException(string key) : Exception($"Object '{key}' does not exist.")
{
    public string Key => key;
}

public sealed class ObjectAlreadyExistsException(string key) : Exception($"Object '{key}' already exists.")
{
    public string Key => key;
}

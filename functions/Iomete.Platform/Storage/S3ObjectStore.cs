using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Platform.Storage;

/// <summary>
/// Objects in an S3-compatible bucket under an optional key prefix. Large content goes up as a
/// multipart upload (aborted on failure); create-only puts use <c>If-None-Match: *</c> where the
/// server honours it. The <see cref="IAmazonS3"/> client is built once and injected.
/// </summary>
public sealed partial class S3ObjectStore : IObjectStore
{
    private readonly IAmazonS3 _s3;
    private readonly S3StorageOptions _options;
    private readonly string _prefix;
    private readonly TimeProvider _clock;
    private readonly ILogger<S3ObjectStore> _logger;

    public S3ObjectStore(IAmazonS3 s3, IOptions<S3StorageOptions> options, TimeProvider clock, ILogger<S3ObjectStore> logger)
    {
        _s3 = s3;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        ArgumentException.ThrowIfNullOrWhiteSpace(_options.Bucket, "Bucket");
        var prefix = (_options.Prefix ?? string.Empty).Trim('/');
        ObjectKey.ValidatePrefix(prefix, nameof(S3StorageOptions.Prefix));
        _prefix = prefix.Length == 0 ? string.Empty : prefix + "/";
        RootUri = prefix.Length == 0 ? $"s3a://{_options.Bucket}" : $"s3a://{_options.Bucket}/{prefix}";
    }

    /// <summary>The bucket and prefix, e.g. <c>s3a://lakehouse/warehouse</c> (no trailing slash).</summary>
    public string RootUri { get; }

    public bool SupportsConditionalPut => _options.SupportsConditionalPut;

    /// <summary>The client for <paramref name="options"/>; the caller owns it (DI registers it as a singleton).</summary>
    public static IAmazonS3 CreateClient(S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = Enum.Parse<RequestChecksumCalculation>(options.RequestChecksumCalculation),
            ResponseChecksumValidation = Enum.Parse<ResponseChecksumValidation>(options.ResponseChecksumValidation),
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public async Task<Stream> OpenReadAsync(string key, ByteRange? range, CancellationToken ct)
    {
        var request = new GetObjectRequest { BucketName = _options.Bucket, Key = FullKey(key) };
        for (var attempt = 1; ; attempt++)
        {
            if (range?.SuffixLength is { } suffix)
            {
                // Not every S3-compatible server reads "bytes=-n" right (s3rver does not), so the
                // suffix is resolved from the size, and the read pinned to the version measured.
                var head = await HeadAsync(key, ct) ?? throw new ObjectNotFoundException(key);
                if (head.Size == 0)
                {
                    return new MemoryStream([], writable: false);
                }
                request.ByteRange = new Amazon.S3.Model.ByteRange(Math.Max(0, head.Size - suffix), head.Size - 1);
                request.EtagToMatch = head.ETag;
            }
            else if (range is not null)
            {
                request.ByteRange = new Amazon.S3.Model.ByteRange(range.ToString());
            }
            try
            {
                // The caller disposes the stream, which releases the HTTP response.
                var response = await _s3.GetObjectAsync(request, ct);
                return response.ResponseStream;
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ObjectNotFoundException(key);
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                return new MemoryStream([], writable: false);
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.PreconditionFailed && attempt < 3)
            {
                // Replaced between the HEAD and the GET: measure again.
            }
        }
    }

    public async Task<ObjectInfo?> HeadAsync(string key, CancellationToken ct)
    {
        try
        {
            var response = await _s3.GetObjectMetadataAsync(_options.Bucket, FullKey(key), ct);
            return new ObjectInfo(key, response.ContentLength, ToInstant(response.LastModified), response.ETag);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<ObjectListing> ListAsync(string prefix, string? delimiter, string? continuationToken, int maxKeys, CancellationToken ct)
    {
        ObjectKey.ValidatePrefix(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        ListObjectsV2Response response;
        try
        {
            response = await _s3.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = _options.Bucket,
                Prefix = _prefix + prefix,
                Delimiter = string.IsNullOrEmpty(delimiter) ? null : delimiter,
                ContinuationToken = continuationToken,
                MaxKeys = Math.Min(maxKeys, LocalFolderObjectStore.MaxListKeys),
            }, ct);
        }
        catch (AmazonS3Exception ex) when (continuationToken is not null && ex.StatusCode == HttpStatusCode.BadRequest)
        {
            // A token the store does not recognise is the caller's input, not a server fault.
            throw new ArgumentException($"The continuation token is not valid: {ex.Message}", nameof(continuationToken), ex);
        }
        // SDK v4 leaves empty collections null. Zero-byte "folder" markers some consoles create
        // (keys ending in '/') are not objects a caller could name, so they are left out.
        var objects = (response.S3Objects ?? [])
            .Where(o => o.Key.Length > _prefix.Length && !o.Key.EndsWith('/'))
            .Select(o => new ObjectInfo(o.Key[_prefix.Length..], o.Size ?? 0, ToInstant(o.LastModified), o.ETag))
            .ToList();
        var prefixes = (response.CommonPrefixes ?? []).Select(p => p[_prefix.Length..]).ToList();
        return new ObjectListing(objects, prefixes, response.IsTruncated == true ? response.NextContinuationToken : null);
    }

    public async Task DeleteAsync(string key, CancellationToken ct) =>
        await _s3.DeleteObjectAsync(_options.Bucket, FullKey(key), ct);

    private string FullKey(string key)
    {
        ObjectKey.Validate(key);
        return _prefix + key;
    }

    private static DateTimeOffset ToInstant(DateTime? value) =>
        value is { } t ? new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime()) : DateTimeOffset.MinValue;

    private static bool IsPreconditionFailed(AmazonS3Exception ex) =>
        ex.StatusCode == HttpStatusCode.PreconditionFailed ||
        ex.StatusCode == HttpStatusCode.Conflict && ex.ErrorCode == "ConditionalRequestConflict";
}

using System.Buffers;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

namespace Iomete.Platform.Storage;

public sealed partial class S3ObjectStore
{
    public async Task<ObjectInfo> PutAsync(string key, Stream content, PutOptions? options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var fullKey = FullKey(key);
        var createOnly = options?.IfNoneMatch == true;
        if (createOnly && !SupportsConditionalPut && await HeadAsync(key, ct) is not null)
        {
            // Best effort only: the server cannot enforce it (see SupportsConditionalPut).
            throw new ObjectAlreadyExistsException(key);
        }

        var partSize = checked((int)_options.PartSizeBytes);
        var first = ArrayPool<byte>.Shared.Rent(partSize);
        var second = ArrayPool<byte>.Shared.Rent(partSize);
        try
        {
            var firstLength = await FillAsync(content, first, partSize, ct);
            var secondLength = firstLength < partSize ? 0 : await FillAsync(content, second, partSize, ct);
            try
            {
                return secondLength == 0
                    ? await PutSingleAsync(key, fullKey, first, firstLength, options, ct)
                    : await PutMultipartAsync(key, fullKey, content, partSize, (first, firstLength), (second, secondLength), options, ct);
            }
            catch (Amazon.S3.AmazonS3Exception ex) when (createOnly && IsPreconditionFailed(ex))
            {
                throw new ObjectAlreadyExistsException(key);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(first);
            ArrayPool<byte>.Shared.Return(second);
        }
    }

    private async Task<ObjectInfo> PutSingleAsync(string key, string fullKey, byte[] buffer, int length, PutOptions? options, CancellationToken ct)
    {
        var request = new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = fullKey,
            InputStream = new MemoryStream(buffer, 0, length, writable: false),
            AutoCloseStream = true,
            UseChunkEncoding = _options.UseChunkEncoding,
            ContentType = options?.ContentType,
        };
        if (options?.IfNoneMatch == true && SupportsConditionalPut)
        {
            request.IfNoneMatch = "*";
        }
        var response = await _s3.PutObjectAsync(request, ct);
        return new ObjectInfo(key, length, _clock.GetUtcNow(), response.ETag);
    }

    /// <summary>Uploads <paramref name="first"/>, <paramref name="second"/> and the rest of the stream as parts, two buffers in turn.</summary>
    private async Task<ObjectInfo> PutMultipartAsync(string key, string fullKey, Stream content, int partSize,
        (byte[] Buffer, int Length) first, (byte[] Buffer, int Length) second, PutOptions? options, CancellationToken ct)
    {
        var (current, currentLength) = first;
        var (next, nextLength) = second;
        var upload = await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = _options.Bucket,
            Key = fullKey,
            ContentType = options?.ContentType,
        }, ct);
        var parts = new List<PartETag>();
        long total = 0;
        try
        {
            while (currentLength > 0)
            {
                var part = await _s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _options.Bucket,
                    Key = fullKey,
                    UploadId = upload.UploadId,
                    PartNumber = parts.Count + 1,
                    InputStream = new MemoryStream(current, 0, currentLength, writable: false),
                    PartSize = currentLength,
                    IsLastPart = nextLength == 0,
                    UseChunkEncoding = _options.UseChunkEncoding,
                }, ct);
                parts.Add(new PartETag(parts.Count + 1, part.ETag));
                total += currentLength;
                (current, next, currentLength) = (next, current, nextLength);
                nextLength = currentLength < partSize ? 0 : await FillAsync(content, next, partSize, ct);
            }
            var complete = new CompleteMultipartUploadRequest
            {
                BucketName = _options.Bucket,
                Key = fullKey,
                UploadId = upload.UploadId,
                PartETags = parts,
            };
            if (options?.IfNoneMatch == true && SupportsConditionalPut)
            {
                complete.IfNoneMatch = "*";
            }
            var response = await _s3.CompleteMultipartUploadAsync(complete, ct);
            return new ObjectInfo(key, total, _clock.GetUtcNow(), response.ETag);
        }
        catch (Exception ex)
        {
            await AbortAsync(fullKey, upload.UploadId, ex);
            throw;
        }
    }

    private async Task AbortAsync(string fullKey, string uploadId, Exception cause)
    {
        LogMultipartFailed(_logger, cause, _options.Bucket, fullKey);
        try
        {
            // The caller's token may be what failed the upload; the abort must still go out.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
            {
                BucketName = _options.Bucket,
                Key = fullKey,
                UploadId = uploadId,
            }, timeout.Token);
        }
        catch (Exception ex)
        {
            LogAbortFailed(_logger, ex, _options.Bucket, fullKey, uploadId);
        }
    }

    /// <summary>Reads until <paramref name="count"/> bytes or the end of the stream.</summary>
    private static async Task<int> FillAsync(Stream content, byte[] buffer, int count, CancellationToken ct) =>
        await content.ReadAtLeastAsync(buffer.AsMemory(0, count), count, throwOnEndOfStream: false, ct);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Multipart upload of s3://{Bucket}/{Key} failed; aborting it")]
    private static partial void LogMultipartFailed(ILogger logger, Exception exception, string bucket, string key);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Could not abort multipart upload {UploadId} of s3://{Bucket}/{Key}; a lifecycle rule must clean it up")]
    private static partial void LogAbortFailed(ILogger logger, Exception exception, string bucket, string key, string uploadId);
}

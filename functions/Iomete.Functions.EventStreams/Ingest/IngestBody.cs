using System.Buffers;
using System.IO.Compression;
using Iomete.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Iomete.Functions.EventStreams.Ingest;

/// <summary>
/// Reads an ingest body: gzip-decoded when sent so, never more than the stream's limit (413 beyond it), into a buffer
/// rented from the shared pool (bodies are mostly larger than the large-object threshold); return it with
/// <see cref="Return"/> once the request is done with it.
/// </summary>
internal static class IngestBody
{
    public static void Return(byte[] buffer) => ArrayPool<byte>.Shared.Return(buffer);

    public static async Task<(byte[] Buffer, int Length)> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        var gzip = request.Headers.ContentEncoding.ToString().Trim();
        var compressed = gzip.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (gzip.Length > 0 && !compressed && !gzip.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", $"Content-Encoding '{gzip}' is not supported; send gzip or no encoding.");
        }
        if (!compressed && request.ContentLength > limit)
        {
            throw new PayloadTooLargeException(limit);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }
        Stream source = compressed ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : request.Body;
        byte[]? buffer = null;
        try
        {
            buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, (Math.Max(4096, request.ContentLength ?? 65536) * (compressed ? 8 : 1)) + 1));
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > limit)
                    {
                        throw new PayloadTooLargeException(limit);
                    }
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, (long)buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await source.ReadAsync(buffer.AsMemory(length), ct);
                if (read == 0)
                {
                    break;
                }
                length += read;
            }
            if (length > limit)
            {
                throw new PayloadTooLargeException(limit);
            }
            var done = (buffer, length);
            buffer = null;
            return done;
        }
        catch (InvalidDataException e)
        {
            throw new ValidationException($"The body is not valid gzip: {e.Message}");
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            if (compressed)
            {
                await source.DisposeAsync();
            }
        }
    }
}

using System.IO.Compression;
using Iomete.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Iomete.Functions.EventStreams.Ingest;

/// <summary>Reads an ingest body: gzip-decoded when sent so, never more than the stream's limit (413 beyond it).</summary>
internal static class IngestBody
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
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
        try
        {
            var buffer = new byte[(int)Math.Min(limit + 1, Math.Max(4096, request.ContentLength ?? 65536) * (compressed ? 8 : 1) + 1)];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > limit)
                    {
                        throw new PayloadTooLargeException(limit);
                    }
                    Array.Resize(ref buffer, (int)Math.Min(limit + 1, (long)buffer.Length * 2));
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
            return buffer.AsMemory(0, length);
        }
        catch (InvalidDataException e)
        {
            throw new ValidationException($"The body is not valid gzip: {e.Message}");
        }
        finally
        {
            if (compressed)
            {
                await source.DisposeAsync();
            }
        }
    }
}

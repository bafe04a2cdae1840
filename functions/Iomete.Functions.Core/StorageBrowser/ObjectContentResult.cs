using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Iomete.Functions.Core.StorageBrowser;

/// <summary>Streams an object (or a range of it) to the response; owns and disposes the stream.</summary>
internal sealed class ObjectContentResult(Stream content, string fileName, string contentType, long length, long totalSize,
    (long From, long To)? range, string? etag, DateTimeOffset lastModified) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        await using var _ = content;
        var response = context.HttpContext.Response;
        response.StatusCode = range is null ? 200 : 206;
        response.ContentType = contentType;
        response.ContentLength = length;
        response.Headers.AcceptRanges = "bytes";
        response.Headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }
        if (range is { } r)
        {
            response.Headers.ContentRange = new ContentRangeHeaderValue(r.From, r.To, totalSize).ToString();
        }
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await content.CopyToAsync(response.Body, 128 * 1024, context.HttpContext.RequestAborted);
    }
}

/// <summary>416 with the object's size, as RFC 9110 asks.</summary>
internal sealed class RangeNotSatisfiableResult(long size) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = 416;
        response.Headers.ContentRange = $"bytes */{size.ToString(CultureInfo.InvariantCulture)}";
        response.Headers.AcceptRanges = "bytes";
        return Task.CompletedTask;
    }
}

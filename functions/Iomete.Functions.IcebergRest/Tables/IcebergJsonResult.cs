using Microsoft.AspNetCore.Mvc;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>Pre-serialized JSON with an optional ETag; 304 without a body when <see cref="NotModified"/>.</summary>
public sealed class IcebergJsonResult(int status, ReadOnlyMemory<byte> body, string? etag) : IActionResult
{
    public int Status => status;

    public ReadOnlyMemory<byte> Body => body;

    public string? ETag => etag;

    public static IcebergJsonResult NotModified(string etag) => new(304, ReadOnlyMemory<byte>.Empty, etag);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }
        if (status == 304)
        {
            return;
        }
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
    }
}

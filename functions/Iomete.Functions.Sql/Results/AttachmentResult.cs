using Microsoft.AspNetCore.Mvc;

namespace Iomete.Functions.Sql.Results;

/// <summary>A download written straight into the response body.</summary>
internal sealed class AttachmentResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}

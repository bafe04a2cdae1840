using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Iomete.Platform.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.StorageBrowser;

public sealed class DownloadObject(ICallerAccessor callers, IAccessControl access, IObjectStore store)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    [Function("core-storage-objects-download")]
    [OpenApiOperation("Storage browser", "Download an object", Description = "Honours a single-range Range header (206 Partial Content).")]
    [OpenApiQuery("key", "Object key relative to the warehouse root", Required = true)]
    [OpenApiResponse(200, Description = "The object's bytes", ContentType = "application/octet-stream")]
    [OpenApiResponse(206, Description = "The requested range", ContentType = "application/octet-stream")]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    [OpenApiResponse(416, Description = "The range starts past the end of the object")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/storage/objects/content")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager, forRead: true);
        var key = StorageKeys.RequireKey(request);

        var info = await store.HeadAsync(key, ct) ?? throw new NotFoundException("Object", key);
        var range = RangeHeader.Resolve(request.Headers.Range.ToString(), info.Size, out var unsatisfiable);
        if (unsatisfiable)
        {
            return new RangeNotSatisfiableResult(info.Size);
        }
        Stream content;
        try
        {
            content = await store.OpenReadAsync(key, range is { } r ? new ByteRange(r.From, r.To) : null, ct);
        }
        catch (ObjectNotFoundException)
        {
            throw new NotFoundException("Object", key);
        }
        var fileName = StorageKeys.FileName(key);
        var contentType = ContentTypes.TryGetContentType(fileName, out var type) ? type : "application/octet-stream";
        var length = range is { } span ? span.To - span.From + 1 : info.Size;
        return new ObjectContentResult(content, fileName, contentType, length, info.Size, range, info.ETag, info.LastModified);
    }
}

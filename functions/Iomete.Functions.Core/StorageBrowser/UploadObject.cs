using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Core.StorageBrowser;

public sealed class UploadObject(ICallerAccessor callers, IAccessControl access, IObjectStore store, IOptions<CoreOptions> options)
{
    [Function("core-storage-objects-upload")]
    [OpenApiOperation("Storage browser", "Upload an object (the raw request body), replacing any object with that key",
        Description = "The body streams to the store; bodies larger than Iomete:Core:StorageUploadMaxBytes (default 512 MiB) get 413.")]
    [OpenApiQuery("key", "Object key relative to the warehouse root", Required = true)]
    [OpenApiRequestBody(typeof(byte[]), ContentType = "application/octet-stream")]
    [OpenApiResponse(201, typeof(StoredObjectView), Description = "Created")]
    [OpenApiResponse(200, typeof(StoredObjectView), Description = "Replaced")]
    [OpenApiResponse(400)]
    [OpenApiResponse(409, Description = "The key names a folder")]
    [OpenApiResponse(413)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/storage/objects/content")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var key = StorageKeys.RequireKey(request);
        var limit = options.Value.StorageUploadMaxBytes;
        if (request.ContentLength > limit)
        {
            throw new PayloadTooLargeException(limit);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            // The server's default cap (about 30 MB) is for JSON APIs; uploads get their own limit.
            bodySize.MaxRequestBodySize = limit;
        }

        var folder = await store.ListAsync(key + "/", "/", null, 1, ct);
        if (folder.Objects.Count > 0 || folder.CommonPrefixes.Count > 0)
        {
            throw new ConflictException($"'{key}' is a folder: upload to a key below it.");
        }
        var existed = await store.HeadAsync(key, ct) is not null;
        var contentType = string.IsNullOrEmpty(request.ContentType) ? null : request.ContentType;
        var stored = await store.PutAsync(key, new LimitedReadStream(request.Body, limit), new PutOptions(ContentType: contentType), ct);
        var view = new StoredObjectView(stored.Key, stored.Size, stored.LastModified, stored.ETag);
        return existed ? ApiResults.Ok(view) : ApiResults.Created(view, $"/api/v1/admin/storage/objects/content?key={Uri.EscapeDataString(key)}");
    }
}

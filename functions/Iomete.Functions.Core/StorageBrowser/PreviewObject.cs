using System.Text;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.StorageBrowser;

/// <summary>The start of an object as UTF-8 text; <c>binary</c> flags content that is not text (it holds NUL bytes).</summary>
public sealed record ObjectPreview(string Key, long Size, int Bytes, bool Truncated, bool Binary, string Content);

public sealed class PreviewObject(ICallerAccessor callers, IAccessControl access, IObjectStore store)
{
    public const int DefaultBytes = 64 * 1024;
    public const int MaxBytes = 1024 * 1024;

    [Function("core-storage-objects-preview")]
    [OpenApiOperation("Storage browser", "Preview the start of an object as text")]
    [OpenApiQuery("key", "Object key relative to the warehouse root", Required = true)]
    [OpenApiQuery("bytes", "How many bytes to read, 1 to 1048576 (default 65536)", Type = "integer")]
    [OpenApiResponse(200, typeof(ObjectPreview))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/storage/objects/preview")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager, forRead: true);
        var key = StorageKeys.RequireKey(request);
        var wanted = ListQuery.ReadInt(request, "bytes", DefaultBytes, 1, MaxBytes);

        var info = await store.HeadAsync(key, ct) ?? throw new NotFoundException("Object", key);
        var buffer = new byte[(int)Math.Min(wanted, info.Size)];
        var read = 0;
        if (buffer.Length > 0)
        {
            try
            {
                await using var stream = await store.OpenReadAsync(key, new ByteRange(0, buffer.Length - 1), ct);
                read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            }
            catch (ObjectNotFoundException)
            {
                throw new NotFoundException("Object", key);
            }
        }
        var bytes = buffer.AsSpan(0, read);
        var truncated = info.Size > read;
        // A truncated preview is decoded without flushing, so a character cut by the byte limit is left out rather than mangled.
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(read) + 1];
        var count = decoder.GetChars(bytes, chars, flush: !truncated);
        return ApiResults.Ok(new ObjectPreview(key, info.Size, read, truncated, bytes.Contains((byte)0), new string(chars, 0, count)));
    }
}

using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.StorageBrowser;

public sealed record StoredObjectView(string Key, long Size, DateTimeOffset LastModified, string? ETag);

/// <summary>
/// One page of the warehouse under a prefix. Object stores page by continuation token, not by
/// offset, so this list carries <c>nextContinuationToken</c> instead of a total.
/// </summary>
public sealed record ObjectListingView(
    string RootUri,
    string Prefix,
    string? Delimiter,
    IReadOnlyList<StoredObjectView> Objects,
    IReadOnlyList<string> Folders,
    string? NextContinuationToken);

public sealed class ListObjects(ICallerAccessor callers, IAccessControl access, IObjectStore store)
{
    public const int DefaultLimit = 100;

    [Function("core-storage-objects-list")]
    [OpenApiOperation("Storage browser", "List objects and folders in the warehouse")]
    [OpenApiQuery("prefix", "Key prefix relative to the warehouse root, e.g. data/sales/")]
    [OpenApiQuery("delimiter", "Folder separator: '/' (default) lists one level; empty lists every key below the prefix")]
    [OpenApiQuery("continuationToken", "nextContinuationToken of the previous page")]
    [OpenApiQuery("limit", "Objects and folders per page, 1 to 1000 (default 100)", Type = "integer")]
    [OpenApiResponse(200, typeof(ObjectListingView))]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/storage/objects")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager, forRead: true);
        var prefix = StorageKeys.Prefix(request);
        var delimiter = request.Query.ContainsKey("delimiter") ? request.Query["delimiter"].ToString() : "/";
        if (delimiter is not ("/" or ""))
        {
            throw ValidationException.ForField("delimiter", "must be '/' or empty");
        }
        var limit = ListQuery.ReadInt(request, "limit", DefaultLimit, 1, 1000);
        var token = request.Query["continuationToken"].ToString();

        ObjectListing listing;
        try
        {
            listing = await store.ListAsync(prefix, delimiter.Length == 0 ? null : delimiter, token.Length == 0 ? null : token, limit, ct);
        }
        catch (ArgumentException ex) when (token.Length > 0)
        {
            throw ValidationException.ForField("continuationToken", ex.Message);
        }
        return ApiResults.Ok(new ObjectListingView(
            store.RootUri, prefix, delimiter.Length == 0 ? null : delimiter,
            listing.Objects.Select(o => new StoredObjectView(o.Key, o.Size, o.LastModified, o.ETag)).ToList(),
            listing.CommonPrefixes, listing.NextContinuationToken));
    }
}

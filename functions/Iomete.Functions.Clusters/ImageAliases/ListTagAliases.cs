using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.ImageAliases;

public sealed class ListTagAliases(ICallerAccessor callers, IAccessControl access, TagAliasStore store, IOptions<ImageAliasOptions> options)
{
    [Function("clusters-tag-aliases-list")]
    [OpenApiOperation("Docker tag aliases", "List the docker tag aliases a domain can use: global (read-only) and the domain's own")]
    [OpenApiResponse(200, typeof(List<TagAliasView>))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/docker/tag-aliases")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (!await access.CanAccessDomainAsync(caller, domain, ct))
        {
            throw new ForbiddenException($"Access to domain '{domain}' is required.");
        }
        var global = options.Value.TagAliases.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new TagAliasView(p.Key, p.Value, TagAliasScope.Global, null, null, null, null));
        return ApiResults.Ok(global.Concat(await store.ListAsync(domain, ct)).ToList());
    }
}

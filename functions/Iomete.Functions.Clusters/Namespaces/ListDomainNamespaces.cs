using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Namespaces;

public sealed class ListDomainNamespaces(ICallerAccessor callers, NamespaceAccess namespaces)
{
    [Function("clusters-namespaces-list")]
    [OpenApiOperation("Namespaces", "List the data-plane namespaces the caller may deploy to from a domain",
        Description = "Unmapped namespaces are open to every domain member; a namespace mapped to a resource bundle needs its USE permission.")]
    [OpenApiResponse(200, typeof(List<NamespaceView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/namespaces")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var usable = await namespaces.UsableAsync(caller, domain, ct);
        var first = namespaces.Allowed[0];
        return ApiResults.Ok(usable.Select(u => new NamespaceView(u.Namespace, u.Namespace == first, NamespaceBundleView.From(u.Mapping))).ToList());
    }
}

using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Jupyter;

public sealed class ListJupyterContainers(ICallerAccessor callers, JupyterAccess access, JupyterStore store)
{
    [Function("clusters-jupyter-list")]
    [OpenApiOperation("Jupyter containers", "List the Jupyter containers of a domain the caller may view",
        Description = "view=my: the caller's own; view=shared: others' containers shared with the caller through a bundle; " +
                      "without view, both. Domain owners and managers see every container.")]
    [OpenApiPaged]
    [OpenApiQuery("view", "my or shared")]
    [OpenApiQuery("status", "Only containers in this state: STARTING, ACTIVE, STOPPED or FAILED")]
    [OpenApiResponse(200, typeof(Page<JupyterContainerView>))]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/jupyter-containers")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, JupyterStore.Sortable, "name");
        var filter = Filter(request, caller);
        await access.RequireDomainAsync(caller, domain, ct);

        if (JupyterAccess.SeesEverything(caller))
        {
            var page = await store.ListAsync(domain, filter, query, ct);
            return ApiResults.Ok(new Page<JupyterContainerView>(page.Items.Select(JupyterContainerView.From).ToList(), page.Total, page.Offset, page.Limit));
        }
        // Grants live in the identity service and cannot be joined here: filter, then page.
        var all = await store.ListAsync(domain, filter, query with { Offset = 0, Limit = int.MaxValue }, ct);
        var visible = new List<JupyterContainer>();
        foreach (var container in all.Items)
        {
            if (await access.AllowsAsync(caller, container.Id, JupyterAccess.View, ct))
                visible.Add(container);
        }
        var items = visible.Skip(query.Offset).Take(query.Limit).Select(JupyterContainerView.From).ToList();
        return ApiResults.Ok(new Page<JupyterContainerView>(items, visible.Count, query.Offset, query.Limit));
    }

    private static JupyterFilter Filter(HttpRequest request, Caller caller)
    {
        var raw = request.Query["status"].ToString();
        JupyterStatus? status = raw.Length == 0 ? null : raw.ToUpperInvariant() switch
        {
            "STARTING" => JupyterStatus.Starting,
            "ACTIVE" => JupyterStatus.Active,
            "STOPPED" => JupyterStatus.Stopped,
            "FAILED" => JupyterStatus.Failed,
            _ => throw ValidationException.ForField("status", "must be STARTING, ACTIVE, STOPPED or FAILED"),
        };
        return request.Query["view"].ToString().ToLowerInvariant() switch
        {
            "" => new JupyterFilter(status),
            "my" => new JupyterFilter(status, CreatedBy: caller.UserId),
            "shared" => new JupyterFilter(status, NotCreatedBy: caller.UserId),
            _ => throw ValidationException.ForField("view", "must be my or shared"),
        };
    }
}

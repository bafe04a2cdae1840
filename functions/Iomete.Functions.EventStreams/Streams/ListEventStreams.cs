using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.EventStreams.Streams;

public sealed class ListEventStreams(ICallerAccessor callers, StreamAccess access, EventStreamStore store)
{
    [Function("eventstreams-streams-list")]
    [OpenApiOperation("Event streams", "List the event streams of a domain the caller may view",
        Description = "Domain owners and domain managers see every stream; others the streams whose bundle grants them VIEW.")]
    [OpenApiPaged]
    [OpenApiQuery("status", "Only streams in this state: STARTING, ACTIVE or STOPPED")]
    [OpenApiQuery("namespace", "Only streams of this namespace")]
    [OpenApiResponse(200, typeof(Page<EventStreamView>))]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/event-streams")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, EventStreamStore.Sortable, "name");
        var filter = new EventStreamFilter(Status(request), NullIfEmpty(request.Query["namespace"].ToString()));
        await access.RequireDomainAsync(caller, domain, ct);

        if (StreamAccess.SeesEverything(caller))
        {
            var page = await store.ListAsync(domain, filter, query, ct);
            return ApiResults.Ok(new Page<EventStreamView>(page.Items.Select(EventStreamView.From).ToList(), page.Total, page.Offset, page.Limit));
        }
        // Per-stream grants cannot be joined in this database (they live in the identity service): filter, then page.
        var all = await store.ListAsync(domain, filter, query with { Offset = 0, Limit = int.MaxValue }, ct);
        var visible = new List<EventStream>();
        foreach (var stream in all.Items)
        {
            if (await access.AllowsAsync(caller, stream.Id, StreamAccess.View, ct))
            {
                visible.Add(stream);
            }
        }
        var items = visible.Skip(query.Offset).Take(query.Limit).Select(EventStreamView.From).ToList();
        return ApiResults.Ok(new Page<EventStreamView>(items, visible.Count, query.Offset, query.Limit));
    }

    private static EventStreamStatus? Status(HttpRequest request)
    {
        var raw = request.Query["status"].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }
        return raw.ToUpperInvariant() switch
        {
            "STARTING" => EventStreamStatus.Starting,
            "ACTIVE" => EventStreamStatus.Active,
            "STOPPED" => EventStreamStatus.Stopped,
            _ => throw ValidationException.ForField("status", "must be STARTING, ACTIVE or STOPPED"),
        };
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

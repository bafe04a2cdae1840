using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.EventStreams.Streams;

/// <summary>How to send events to a stream: its ingest URL, the headers to send, and code in six languages.</summary>
public sealed record ConnectView(string Endpoint, IReadOnlyDictionary<string, string> Headers, ConnectSnippets Snippets);

public sealed class ConnectEventStream(ICallerAccessor callers, StreamAccess access, IOptions<EventStreamsOptions> options)
{
    [Function("eventstreams-streams-connect")]
    [OpenApiOperation("Event streams", "How to send events to a stream (VIEW): endpoint, headers and snippets",
        Description = "The Connect tab: curl, C#, Python, JavaScript, Java and Go. Replace the token placeholder with an access token " +
                      "and the table with an existing Iceberg table the token's user may INSERT into.")]
    [OpenApiResponse(200, typeof(ConnectView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/event-streams/{id}/connect")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var stream = await access.RequireAsync(caller, domain, id, StreamAccess.View, ct);
        var baseUrl = string.IsNullOrWhiteSpace(options.Value.PublicUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.Value.PublicUrl.TrimEnd('/');
        var endpoint = baseUrl + EventStreamView.IngestPathOf(stream);
        var headers = new Dictionary<string, string>
        {
            ["Authorization"] = ConnectSnippets.TokenPlaceholder,
            ["Content-Type"] = "application/json",
            ["table"] = ConnectSnippets.TablePlaceholder,
            ["Idempotency-Key"] = "<unique id of the batch, repeated on retries>",
        };
        return ApiResults.Ok(new ConnectView(endpoint, headers, ConnectSnippets.For(endpoint)));
    }
}

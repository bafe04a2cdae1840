using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>
/// The core/v1 routes compute clusters use: the driver Service (create, delete). Pod logs and events are read through
/// <c>IDataPlaneDiagnostics</c>, replaced by a fake in the compute tests.
/// </summary>
internal sealed partial class FakeKubeApiServer
{
    private const string ServicesPrefix = "/api/v1/namespaces/{ns}/services";

    /// <summary>Services that exist, by namespace and name.</summary>
    public ConcurrentDictionary<(string Ns, string Name), JsonObject> Services { get; } = new();

    /// <summary>Checks a created Service body; a message makes the create fail with 422.</summary>
    public Func<JsonObject, string?>? ValidateService { get; set; }

    private void MapPodRoutes(WebApplication app)
    {
        app.MapPost(ServicesPrefix, async (HttpRequest request, string ns) =>
        {
            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
            if (ValidateService?.Invoke(body) is { } problem)
            {
                lock (gate)
                {
                    Errors.Add(problem);
                }
                return Results.Text(Status("Failure", 422, "Invalid", problem), "application/json", statusCode: 422);
            }
            var name = body["metadata"]!["name"]!.GetValue<string>();
            return Services.TryAdd((ns, name), body)
                ? Results.Text(body.ToJsonString(), "application/json", statusCode: 201)
                : Results.Text(Status("Failure", 409, "AlreadyExists", name), "application/json", statusCode: 409);
        });
        // As the API server does for Services, a delete answers the deleted object.
        app.MapDelete(ServicesPrefix + "/{name}", (string ns, string name) => Services.TryRemove((ns, name), out var removed)
            ? Results.Text(removed.ToJsonString(), "application/json")
            : NotFound(name));
    }
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Iomete.Functions.Clusters.Tests.Schemas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>
/// The core/v1 Secret endpoints of the stand-in (secret stores, image-pull secrets): create (409 when it exists),
/// replace (404 when it does not), get and delete, each written body checked against the Kubernetes v1.32.2 Secret schema.
/// </summary>
internal sealed partial class FakeKubeApiServer
{
    private const string SecretsPrefix = "/api/v1/namespaces/{ns}/secrets";

    /// <summary>The Secrets on the stand-in, by (namespace, name).</summary>
    public ConcurrentDictionary<(string Ns, string Name), JsonObject> Secrets { get; } = new();

    /// <summary>Every Secret write (POST/PUT) as "METHOD ns/name", in order.</summary>
    public ConcurrentQueue<string> SecretWrites { get; } = new();

    /// <summary>Schema violations of written Secret bodies (empty when every body was valid).</summary>
    public ConcurrentQueue<string> SecretErrors { get; } = new();

    /// <summary>When set, every Secret write answers this status (to play an API server that refuses).</summary>
    public int? FailSecretWrites { get; set; }

    private void MapSecretRoutes(WebApplication app)
    {
        app.MapPost(SecretsPrefix, async (HttpRequest request, string ns) =>
        {
            var (body, refusal) = await ReadSecretAsync(request, ns, null, "POST");
            if (refusal is not null)
                return refusal;
            var name = body!["metadata"]!["name"]!.GetValue<string>();
            return Secrets.TryAdd((ns, name), body)
                ? Results.Text(body.ToJsonString(), "application/json", statusCode: 201)
                : Results.Text(Status("Failure", 409, "AlreadyExists", $"secrets \"{name}\" already exists"), "application/json", statusCode: 409);
        });
        app.MapPut(SecretsPrefix + "/{name}", async (HttpRequest request, string ns, string name) =>
        {
            var (body, refusal) = await ReadSecretAsync(request, ns, name, "PUT");
            if (refusal is not null)
                return refusal;
            if (!Secrets.ContainsKey((ns, name)))
                return NotFound(name);
            Secrets[(ns, name)] = body!;
            return Results.Text(body!.ToJsonString(), "application/json");
        });
        app.MapGet(SecretsPrefix + "/{name}", (string ns, string name) =>
            Secrets.TryGetValue((ns, name), out var found) ? Results.Text(found.ToJsonString(), "application/json") : NotFound(name));
        app.MapDelete(SecretsPrefix + "/{name}", (string ns, string name) =>
            Secrets.TryRemove((ns, name), out _)
                ? Results.Text(Status("Success", 200, "", name), "application/json")
                : NotFound(name));
    }

    private async Task<(JsonObject? Body, IResult? Refusal)> ReadSecretAsync(HttpRequest request, string ns, string? name, string method)
    {
        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        var declaredName = body["metadata"]?["name"]?.GetValue<string>();
        SecretWrites.Enqueue($"{method} {ns}/{declaredName}");
        foreach (var error in KubernetesSchemas.Errors(KubernetesSchemas.Secret, body))
            SecretErrors.Enqueue($"{ns}/{declaredName}: {error}");
        if (FailSecretWrites is { } status)
            return (null, Results.Text(Status("Failure", status, "InternalError", "refused by the test"), "application/json", statusCode: status));
        if (body["metadata"]?["namespace"]?.GetValue<string>() is { } declared && declared != ns)
            return (null, Results.Text(Status("Failure", 400, "BadRequest", "namespace mismatch"), "application/json", statusCode: 400));
        if (name is not null && declaredName != name)
            return (null, Results.Text(Status("Failure", 400, "BadRequest", "name mismatch"), "application/json", statusCode: 400));
        return (body, null);
    }
}

using System.Text.Json.Nodes;
using Iomete.Functions.LocalHost;
using Iomete.Platform.Functions.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.EventStreams.Tests.Streams;

public sealed class EventStreamOpenApiTests
{
    [Fact]
    public void OpenApi_DescribesEveryStreamRoute_WithResolvableSchemas()
    {
        var app = LocalHostApp.Build([]);
        var document = app.Services.GetRequiredService<OpenApiDocumentBuilder>().Build(OpenApiDocumentProvider.Title, OpenApiDocumentProvider.Version);
        var paths = document["paths"]!.AsObject();
        const string root = "/api/v1/domains/{domain}/event-streams";

        Assert.NotNull(paths[root]!["get"]);
        Assert.NotNull(paths[root]!["post"]);
        Assert.NotNull(paths[root + "/metrics"]!["get"]);
        Assert.NotNull(paths[root + "/{id}"]!["get"]);
        Assert.NotNull(paths[root + "/{id}"]!["put"]);
        Assert.NotNull(paths[root + "/{id}"]!["delete"]);
        foreach (var action in new[] { "scale", "start", "terminate" })
        {
            Assert.NotNull(paths[$"{root}/{{id}}/{action}"]!["post"]);
        }
        Assert.NotNull(paths[root + "/{id}/connect"]!["get"]);
        Assert.NotNull(paths[root + "/{id}/metrics"]!["get"]);

        var schemas = document["components"]!["schemas"]!.AsObject();
        var references = Descendants(paths.Where(p => p.Key.StartsWith(root, StringComparison.Ordinal)).Select(p => p.Value!))
            .Concat(Descendants(schemas.Select(s => s.Value!)))
            .OfType<JsonObject>()
            .Where(o => o["$ref"] is JsonValue)
            .Select(o => o["$ref"]!.GetValue<string>())
            .Where(r => r.StartsWith("#/components/schemas/", StringComparison.Ordinal))
            .Select(r => r["#/components/schemas/".Length..])
            .Distinct()
            .ToList();
        Assert.Contains("EventStreamView", references);
        Assert.All(references, r => Assert.True(schemas.ContainsKey(r), $"{r} does not resolve"));
    }

    private static IEnumerable<JsonNode> Descendants(IEnumerable<JsonNode> roots)
    {
        var stack = new Stack<JsonNode>(roots);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            IEnumerable<JsonNode?> children = node switch
            {
                JsonObject o => o.Select(p => p.Value),
                JsonArray a => a,
                _ => [],
            };
            foreach (var child in children.OfType<JsonNode>())
            {
                stack.Push(child);
            }
        }
    }
}

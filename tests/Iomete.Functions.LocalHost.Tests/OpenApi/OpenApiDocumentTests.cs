using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Functions.LocalHost;
using Iomete.Platform.Functions;
using Iomete.Platform.Functions.OpenApi;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.LocalHost.Tests.OpenApi;

public sealed class OpenApiDocumentTests
{
    private static JsonObject BuildDocument(out FunctionCatalog catalog)
    {
        var app = LocalHostApp.Build([]);
        catalog = app.Services.GetRequiredService<FunctionCatalog>();
        return app.Services.GetRequiredService<OpenApiDocumentBuilder>().Build(OpenApiDocumentProvider.Title, OpenApiDocumentProvider.Version);
    }

    [Fact]
    public void Document_HasAnOperationForEveryRouteAndMethodInFunctionsMetadata()
    {
        var document = BuildDocument(out _);
        var paths = document["paths"]!.AsObject();
        var documented = paths
            .SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}"))
            .OrderBy(x => x, StringComparer.Ordinal).ToList();
        var expected = FunctionsMetadata.Read()
            .SelectMany(e => e.Methods.Select(m => $"{m} {OpenApiDocumentBuilder.PathOf(e.Route)}"))
            .OrderBy(x => x, StringComparer.Ordinal).ToList();

        Assert.Equal(expected, documented);
    }

    [Fact]
    public void EveryFunction_DescribesItsOperationAndResponses()
    {
        BuildDocument(out var catalog);
        Assert.All(catalog.Functions, f =>
        {
            Assert.True(f.Method.GetCustomAttribute<OpenApiOperationAttribute>() is not null, $"{f.Name} lacks [OpenApiOperation]");
            Assert.True(f.Method.GetCustomAttributes<OpenApiResponseAttribute>().Any(), $"{f.Name} lacks [OpenApiResponse]");
        });
    }

    [Fact]
    public void EverySchemaReference_ResolvesToAComponent()
    {
        var document = BuildDocument(out _);
        var schemas = document["components"]!["schemas"]!.AsObject();
        var references = Descendants(document)
            .OfType<JsonObject>()
            .Where(o => o.ContainsKey("$ref") && o["$ref"] is JsonValue)
            .Select(o => o["$ref"]!.GetValue<string>())
            .Where(r => r.StartsWith("#/components/schemas/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(schemas.ContainsKey(r["#/components/schemas/".Length..]), $"{r} does not resolve"));
    }

    [Fact]
    public void CommittedDocument_MatchesTheGeneratedOne()
    {
        // docs/openapi.json is what users read without running the platform; regenerate it with
        // IOMETE_UPDATE_OPENAPI=1 dotnet test --filter CommittedDocument_MatchesTheGeneratedOne
        var generated = BuildDocument(out _).ToJsonString(OpenApiDocumentProvider.WriteOptions) + "\n";
        var path = Path.Combine(Requires.RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("IOMETE_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }
        Assert.True(File.Exists(path), "docs/openapi.json is missing: run with IOMETE_UPDATE_OPENAPI=1 to create it.");
        Assert.True(generated == File.ReadAllText(path), "docs/openapi.json is stale: run the tests with IOMETE_UPDATE_OPENAPI=1 and commit it.");
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.Where(c => c is not null))
        {
            foreach (var d in Descendants(child!))
            {
                yield return d;
            }
        }
    }
}

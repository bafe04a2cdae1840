using System.Text.Json.Nodes;

namespace Iomete.Deploy.Tests.Chart.Validation;

/// <summary>One YAML document of the rendered chart, as JSON (YAML 1.2 core typing) and as text.</summary>
internal sealed record RenderedObject(string File, string Yaml, JsonObject Json)
{
    public string ApiVersion => (string?)Json["apiVersion"] ?? "";
    public string Kind => (string?)Json["kind"] ?? "";
    public string Name => (string?)Json["metadata"]?["name"] ?? "";
    public string? Namespace => (string?)Json["metadata"]?["namespace"];

    public static IReadOnlyList<RenderedObject> From(IEnumerable<Rendering.RenderedFile> files) =>
        files.SelectMany(f => f.Documents.Select(d => new RenderedObject(f.Path, d,
            YamlJson.Parse(d) as JsonObject ?? throw new InvalidDataException($"{f.Path}: a document is not a map:\n{d}")))).ToList();

    public override string ToString() => $"{File}: {Kind} {Namespace}/{Name}";
}

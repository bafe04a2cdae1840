using System.Text.Json;
using Iomete.Platform.Http;

namespace Iomete.Workflows.Pipelines;

/// <summary>The stored shape of a <see cref="Pipeline"/>: nodes, parameters and tags as JSON text, instants as epoch milliseconds.</summary>
internal sealed class PipelineRow
{
    public const string Columns =
        "p.id AS Id, p.domain_id AS DomainId, p.name AS Name, p.description AS Description, p.bundle_id AS BundleId, p.nodes AS Nodes, " +
        "p.parameters AS Parameters, p.tags AS Tags, p.created_by AS CreatedBy, p.created_ms AS CreatedMs, p.updated_ms AS UpdatedMs, p.version AS Version";

    public string Id { get; set; } = "";
    public string DomainId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string BundleId { get; set; } = "";
    public string Nodes { get; set; } = "[]";
    public string Parameters { get; set; } = "{}";
    public string Tags { get; set; } = "[]";
    public string CreatedBy { get; set; } = "";
    public long CreatedMs { get; set; }
    public long UpdatedMs { get; set; }
    public long Version { get; set; }
    /// <summary>State of the latest run (list queries only).</summary>
    public string? LastRunState { get; set; }

    public static PipelineRow From(Pipeline p) => new()
    {
        Id = p.Id,
        DomainId = p.DomainId,
        Name = p.Name,
        Description = p.Description,
        BundleId = p.ResourceBundleId,
        Nodes = SerializeNodes(p.Nodes),
        Parameters = JsonSerializer.Serialize(p.Parameters, Json.Options),
        Tags = JsonSerializer.Serialize(p.Tags, Json.Options),
        CreatedBy = p.CreatedBy,
        CreatedMs = p.CreatedAt.ToUnixTimeMilliseconds(),
        UpdatedMs = p.UpdatedAt.ToUnixTimeMilliseconds(),
        Version = p.Version,
    };

    public Pipeline ToPipeline() => new()
    {
        Id = Id,
        DomainId = DomainId,
        Name = Name,
        Description = Description,
        ResourceBundleId = BundleId,
        Nodes = DeserializeNodes(Nodes),
        Parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(Parameters, Json.Options) ?? [],
        Tags = JsonSerializer.Deserialize<List<PipelineTag>>(Tags, Json.Options) ?? [],
        CreatedBy = CreatedBy,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs),
        Version = Version,
    };

    public static string SerializeNodes(IReadOnlyList<PipelineNode> nodes) => JsonSerializer.Serialize(nodes, Json.Options);

    public static List<PipelineNode> DeserializeNodes(string json) => JsonSerializer.Deserialize<List<PipelineNode>>(json, Json.Options) ?? [];
}

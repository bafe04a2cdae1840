using System.Text.Json.Serialization;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>The spec's ListTablesResponse (views use the same shape).</summary>
public sealed record ListTablesResponse(
    [property: JsonPropertyName("next-page-token"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextPageToken,
    [property: JsonPropertyName("identifiers")] IReadOnlyList<TableIdentifierDoc> Identifiers);

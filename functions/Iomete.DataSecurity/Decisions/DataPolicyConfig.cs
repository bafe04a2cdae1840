using System.Text.Json;

namespace Iomete.DataSecurity.Decisions;

/// <summary>
/// How the Iceberg REST catalog tells a trusted engine what a caller may see of a table: one entry of the LoadTable
/// result's <c>config</c> map (<see cref="Key"/>) holding this JSON. Engines apply the row filter and replace each
/// masked column by its mask; denied columns are not visible at all; a table that is not <see cref="Readable"/> is
/// refused for reading (the caller may still write to it when the policies allow that).
/// </summary>
public sealed record DataPolicyConfig(
    string? RowFilter,
    long? RowFilterPolicyId,
    IReadOnlyDictionary<string, ColumnMask> Masks,
    IReadOnlyList<string> DeniedColumns,
    long? PolicyVersion,
    bool Readable = true,
    string? Reason = null)
{
    public const string Key = "iomete.data-policy";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DataPolicyConfig From(TableReadPolicy policy) => new(
        policy.RowFilter, policy.RowFilterPolicyId, policy.Masks, policy.DeniedColumns.Order(StringComparer.Ordinal).ToList(), policy.Access.PolicyVersion,
        policy.Access.Allowed, policy.Access.Reason);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The value of <see cref="Key"/> in a LoadTable config; null or empty = the table is unrestricted for the caller.</summary>
    public static DataPolicyConfig? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<DataPolicyConfig>(json, Json);
}

using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Iomete.Functions.Sql.Compute;

/// <summary>The embedded compute cluster as the API shows it.</summary>
public sealed record ComputeView(string Name, string Status, string Driver, ComputeSettings Settings, DateTimeOffset? UpdatedAt);

/// <summary>New settings of <c>local</c>; null restores the engine's default.</summary>
public sealed partial record UpdateComputeRequest(
    [property: Range(1, 1024)] int? Threads = null,
    [property: StringLength(32)] string? MemoryLimit = null)
{
    /// <summary>DuckDB's memory-limit syntax: a number and a unit, e.g. <c>512MB</c>, <c>4GB</c>, <c>1.5GiB</c>.</summary>
    [GeneratedRegex(@"^\d+(\.\d+)?\s?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", RegexOptions.CultureInvariant)]
    public static partial Regex MemoryLimitPattern();
}

internal static class ComputeViews
{
    public static ComputeView Local(ComputeSettings settings, DateTimeOffset? updatedAt) =>
        new(ComputeStore.Local, "ACTIVE", "duckdb", settings, updatedAt);
}

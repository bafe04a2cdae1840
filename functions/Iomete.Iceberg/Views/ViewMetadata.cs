using Iomete.Iceberg.Schemas;

namespace Iomete.Iceberg.Views;

/// <summary>
/// A view's metadata (the view spec, format version 1). Immutable; lookups by id. Validation lives in
/// <see cref="Json.ViewMetadataJson.Validate"/>.
/// </summary>
public sealed record ViewMetadata(
    Guid ViewUuid,
    int FormatVersion,
    string Location,
    IReadOnlyList<Schema> Schemas,
    int CurrentVersionId,
    IReadOnlyList<ViewVersion> Versions,
    IReadOnlyList<ViewHistoryEntry> VersionLog,
    IReadOnlyDictionary<string, string> Properties)
{
    public const int SupportedFormatVersion = 1;

    /// <summary>The property that caps how many versions are kept (default 10, as the Java reference).</summary>
    public const string VersionHistorySizeProperty = "version.history.num-entries";

    public const int DefaultVersionHistorySize = 10;

    public ViewVersion? VersionById(int id) => Versions.FirstOrDefault(v => v.VersionId == id);

    public Schema? SchemaById(int id) => Schemas.FirstOrDefault(s => s.SchemaId == id);

    /// <summary>The current version; <see cref="InvalidOperationException"/> when metadata is inconsistent.</summary>
    public ViewVersion CurrentVersion =>
        VersionById(CurrentVersionId) ?? throw new InvalidOperationException($"Cannot find current version {CurrentVersionId} in view versions");

    /// <summary>The schema of the current version.</summary>
    public Schema CurrentSchema =>
        SchemaById(CurrentVersion.SchemaId) ?? throw new InvalidOperationException($"Cannot find current schema with id {CurrentVersion.SchemaId} in schemas");
}

/// <summary>One version of a view: its query representations and the schema they produce.</summary>
public sealed record ViewVersion(
    int VersionId,
    long TimestampMs,
    int SchemaId,
    IReadOnlyDictionary<string, string> Summary,
    IReadOnlyList<ViewRepresentation> Representations,
    string? DefaultCatalog,
    IReadOnlyList<string> DefaultNamespace)
{
    /// <summary>Same content as <paramref name="other"/> ignoring version id and timestamp (Java's <c>sameViewVersion</c>).</summary>
    public bool SameContent(ViewVersion other) =>
        SchemaId == other.SchemaId
        && string.Equals(DefaultCatalog, other.DefaultCatalog, StringComparison.Ordinal)
        && DefaultNamespace.SequenceEqual(other.DefaultNamespace, StringComparer.Ordinal)
        && Representations.SequenceEqual(other.Representations)
        && Summary.Count == other.Summary.Count
        && Summary.All(kv => other.Summary.TryGetValue(kv.Key, out var v) && v == kv.Value);
}

/// <summary>A representation of a view's query (the spec's <c>ViewRepresentation</c>).</summary>
public abstract record ViewRepresentation
{
    /// <summary>The spec's <c>type</c> discriminator.</summary>
    public abstract string Type { get; }
}

/// <summary>A SQL query in one dialect (type <c>sql</c>).</summary>
public sealed record SqlViewRepresentation(string Sql, string Dialect) : ViewRepresentation
{
    public override string Type => "sql";
}

/// <summary>An entry of the version log: which version became current when.</summary>
public sealed record ViewHistoryEntry(int VersionId, long TimestampMs);

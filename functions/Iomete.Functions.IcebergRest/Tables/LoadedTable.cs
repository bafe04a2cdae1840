using System.Security.Cryptography;
using System.Text;
using Iomete.Iceberg.Metadata;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>
/// A parsed metadata file and what is derived from it once: the spec's LoadTableResult bytes for both
/// <c>snapshots</c> modes and their ETags. Metadata files never change, so this is cached by location.
/// </summary>
public sealed class LoadedTable(string? metadataLocation, TableMetadata metadata, IReadOnlyDictionary<string, string> config, byte[]? metadataJson = null)
{
    private byte[]? allBody;
    private byte[]? refsBody;

    public string? MetadataLocation => metadataLocation;

    /// <summary>When the file was last known to exist (set by <see cref="TableMetadataFiles"/>).</summary>
    internal DateTimeOffset CheckedAt { get; set; }

    public TableMetadata Metadata => metadata;

    /// <summary>The response body; with <paramref name="refsOnly"/> only snapshots that a branch or tag references.</summary>
    public byte[] Body(bool refsOnly) => refsOnly
        ? refsBody ??= LoadTableResultJson.Write(metadataLocation, metadata, refsOnly: true, config)
        : allBody ??= LoadTableResultJson.Write(metadataLocation, metadata, refsOnly: false, config, metadataJson);

    /// <summary>The response body with per-caller config entries (not cached: they depend on the caller).</summary>
    public byte[] Body(bool refsOnly, IReadOnlyDictionary<string, string> callerConfig) => callerConfig.Count == 0
        ? Body(refsOnly)
        : LoadTableResultJson.Write(metadataLocation, metadata, refsOnly, config.Concat(callerConfig).ToDictionary(), refsOnly ? null : metadataJson);

    /// <summary>The ETag of <see cref="Body(bool, IReadOnlyDictionary{string, string})"/>: it changes with the caller's config.</summary>
    public string ETag(bool refsOnly, IReadOnlyDictionary<string, string> callerConfig)
    {
        if (callerConfig.Count == 0)
        {
            return ETag(refsOnly);
        }
        var extra = string.Join("\u0001", callerConfig.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(ETag(refsOnly) + "|" + extra));
        return "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "\"";
    }

    /// <summary>The spec's CommitTableResponse for this metadata file.</summary>
    public byte[] CommitBody() => LoadTableResultJson.WriteCommit(metadataLocation!, metadata, metadataJson);

    /// <summary>A strong ETag per metadata file and snapshots mode (the spec wants them to differ between modes).</summary>
    public string ETag(bool refsOnly) => refsOnly ? refsEtag ??= Tag("refs") : allEtag ??= Tag("all");

    private string? allEtag;
    private string? refsEtag;

    private string Tag(string mode)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes((metadataLocation ?? "") + "|" + mode));
        return "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "\"";
    }
}

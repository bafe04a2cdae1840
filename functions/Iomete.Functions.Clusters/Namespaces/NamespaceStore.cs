using Dapper;
using Iomete.Platform.Data;

namespace Iomete.Functions.Clusters.Namespaces;

/// <summary>Which resource bundle (of which domain) holds a data-plane namespace; unmapped namespaces are open to every domain member.</summary>
public sealed record NamespaceMapping(string Namespace, string DomainId, string BundleId, string MappedBy, DateTimeOffset MappedAt);

/// <summary>The namespace → bundle mappings in the cluster service's database (the grants themselves live in the identity service).</summary>
public sealed class NamespaceStore(IMetadataDb db, TimeProvider clock)
{
    private const string Columns = "namespace AS Namespace, domain_id AS DomainId, bundle_id AS BundleId, mapped_by AS MappedBy, mapped_ms AS MappedMs";

    public async Task<IReadOnlyDictionary<string, NamespaceMapping>> AllAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM namespace_bundles", cancellationToken: ct));
        return rows.Select(r => r.ToMapping()).ToDictionary(m => m.Namespace, StringComparer.Ordinal);
    }

    public async Task<NamespaceMapping?> GetAsync(string @namespace, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM namespace_bundles WHERE namespace = @Namespace", new { Namespace = @namespace }, cancellationToken: ct));
        return row?.ToMapping();
    }

    public async Task<NamespaceMapping> SetAsync(string @namespace, string domainId, string bundleId, string mappedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO namespace_bundles (namespace, domain_id, bundle_id, mapped_by, mapped_ms) VALUES (@Namespace, @DomainId, @BundleId, @MappedBy, @Now)
            ON CONFLICT (namespace) DO UPDATE SET domain_id = excluded.domain_id, bundle_id = excluded.bundle_id, mapped_by = excluded.mapped_by, mapped_ms = excluded.mapped_ms
            """,
            new { Namespace = @namespace, DomainId = domainId, BundleId = bundleId, MappedBy = mappedBy, Now = now }, cancellationToken: ct));
        return new NamespaceMapping(@namespace, domainId, bundleId, mappedBy, DateTimeOffset.FromUnixTimeMilliseconds(now));
    }

    public async Task<bool> RemoveAsync(string @namespace, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM namespace_bundles WHERE namespace = @Namespace", new { Namespace = @namespace }, cancellationToken: ct)) > 0;
    }

    private sealed class Row
    {
        public string Namespace { get; set; } = "";
        public string DomainId { get; set; } = "";
        public string BundleId { get; set; } = "";
        public string MappedBy { get; set; } = "";
        public long MappedMs { get; set; }

        public NamespaceMapping ToMapping() => new(Namespace, DomainId, BundleId, MappedBy, DateTimeOffset.FromUnixTimeMilliseconds(MappedMs));
    }
}

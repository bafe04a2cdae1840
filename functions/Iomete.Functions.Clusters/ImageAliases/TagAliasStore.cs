using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.ImageAliases;

/// <summary>The domains' docker tag aliases, unique per domain.</summary>
public sealed class TagAliasStore(IMetadataDb db, TimeProvider clock)
{
    private const string Columns =
        "alias AS Alias, tag_value AS TagValue, created_by AS CreatedBy, created_ms AS CreatedMs, updated_by AS UpdatedBy, updated_ms AS UpdatedMs";

    public async Task<IReadOnlyList<TagAliasView>> ListAsync(string domain, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM docker_tag_aliases WHERE domain_id = @Domain ORDER BY alias", new { Domain = domain }, cancellationToken: ct));
        return rows.Select(r => r.ToView()).ToList();
    }

    public async Task<TagAliasView?> GetAsync(string domain, string alias, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM docker_tag_aliases WHERE domain_id = @Domain AND alias = @Alias", new { Domain = domain, Alias = alias }, cancellationToken: ct));
        return row?.ToView();
    }

    public async Task<TagAliasView> CreateAsync(string domain, string alias, string value, string by, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO docker_tag_aliases (domain_id, alias, tag_value, created_by, created_ms, updated_by, updated_ms)
                VALUES (@Domain, @Alias, @Value, @By, @Now, @By, @Now)
                """,
                new { Domain = domain, Alias = alias, Value = value, By = by, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"The tag alias '{alias}' already exists in domain '{domain}'.");
        }
        return (await GetAsync(domain, alias, ct))!;
    }

    public async Task<TagAliasView?> UpdateAsync(string domain, string alias, string value, string by, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE docker_tag_aliases SET tag_value = @Value, updated_by = @By, updated_ms = @Now WHERE domain_id = @Domain AND alias = @Alias",
            new { Domain = domain, Alias = alias, Value = value, By = by, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct));
        return changed == 0 ? null : await GetAsync(domain, alias, ct);
    }

    public async Task<bool> DeleteAsync(string domain, string alias, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM docker_tag_aliases WHERE domain_id = @Domain AND alias = @Alias", new { Domain = domain, Alias = alias }, cancellationToken: ct)) > 0;
    }

    private sealed class Row
    {
        public string Alias { get; set; } = "";
        public string TagValue { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public long CreatedMs { get; set; }
        public string UpdatedBy { get; set; } = "";
        public long UpdatedMs { get; set; }

        public TagAliasView ToView() => new(Alias, TagValue, TagAliasScope.Domain, CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
            UpdatedBy, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs));
    }
}

using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Time;

namespace Iomete.Functions.Sql.Worksheets;

/// <summary>Custom workspaces (the built-in My Workspace and Shared have no rows). Names are unique across all domains.</summary>
public sealed class WorkspaceStore(IMetadataDb db, TimeProvider clock, IIdGenerator ids)
{
    private const string Columns =
        "id AS Id, domain AS Domain, name AS Name, description AS Description, bundle_id AS BundleId, created_by AS CreatedBy, created_ms AS CreatedMs";

    public async Task<Row?> FindAsync(string domain, string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM sql_workspaces WHERE domain = @Domain AND id = @Id", new { Domain = domain, Id = id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Row>> ListAsync(string domain, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        return (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM sql_workspaces WHERE domain = @Domain ORDER BY name", new { Domain = domain }, cancellationToken: ct))).ToList();
    }

    public async Task<Row> CreateAsync(string domain, string name, string? description, string bundleId, string createdBy, CancellationToken ct)
    {
        var row = new Row
        {
            Id = ids.NewId(), Domain = domain, Name = name, Description = description, BundleId = bundleId,
            CreatedBy = createdBy, CreatedMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO sql_workspaces (id, domain, name, description, bundle_id, created_by, created_ms) " +
                "VALUES (@Id, @Domain, @Name, @Description, @BundleId, @CreatedBy, @CreatedMs)", row, cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A workspace named '{name}' already exists.");
        }
        return row;
    }

    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sql_workspaces WHERE id = @Id", new { Id = id }, cancellationToken: ct));
    }

    public static WorkspaceView View(Row r) => new(r.Id, r.Name, WorkspaceKind.Custom, r.Description, r.BundleId, r.CreatedBy,
        DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedMs));

    public sealed class Row
    {
        public string Id { get; set; } = "";
        public string Domain { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public string BundleId { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public long CreatedMs { get; set; }
    }
}

using System.Data.Common;
using Dapper;
using Iomete.Functions.Core.Common;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Time;

namespace Iomete.Functions.Core.NodeTypes;

/// <summary>
/// Node types. Delete is soft: the row stays (with <c>deleted_ms</c>) for history, is hidden from
/// every read, and its name becomes free for a new node type.
/// </summary>
public sealed partial class NodeTypeStore(IMetadataDb db, TimeProvider clock, IIdGenerator ids)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "name",
        ["cpu"] = "cpu_millicores",
        ["memory"] = "memory_mib",
        ["createdAt"] = "created_ms",
    };

    private const string Columns =
        "id AS Id, name AS Name, description AS Description, cpu_millicores AS Cpu, memory_mib AS Memory, available_for AS AvailableFor, " +
        "spot_instance AS SpotInstance, resource_tags AS ResourceTags, created_ms AS CreatedMs, updated_ms AS UpdatedMs";

    public async Task<Page<NodeTypeView>> ListAsync(ListQuery query, NodeTypeUsage? usage, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var where = "deleted_ms IS NULL";
        if (query.SearchPattern is not null)
        {
            where += " AND (LOWER(name) LIKE @Pattern ESCAPE '\\' OR LOWER(COALESCE(description, '')) LIKE @Pattern ESCAPE '\\')";
        }
        if (usage is not null)
        {
            where += " AND available_for LIKE @Usage";
        }
        var args = new { Pattern = query.SearchPattern, Usage = usage is null ? null : "%" + Code(usage.Value) + "%", query.Limit, query.Offset };
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM node_types WHERE {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM node_types WHERE {where} ORDER BY {query.OrderBy}, name LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<NodeTypeView>(rows.Select(View).ToList(), total, query.Offset, query.Limit);
    }

    public async Task<NodeTypeView?> FindAsync(string name, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await FindAsync(connection, name, ct);
    }

    public async Task<NodeTypeView> CreateAsync(NodeTypeSpec spec, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        try
        {
            await InsertAsync(connection, null, spec, ids.NewId(), clock.GetUtcNow().ToUnixTimeMilliseconds(), ct);
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A node type named '{spec.Name}' already exists.");
        }
        return (await FindAsync(connection, spec.Name, ct))!;
    }

    /// <summary>Replaces a live node type's definition; null when there is none of that name.</summary>
    public async Task<NodeTypeView?> UpdateAsync(NodeTypeSpec spec, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE node_types SET description = @Description, cpu_millicores = @Cpu, memory_mib = @Memory, available_for = @AvailableFor,
                spot_instance = @SpotInstance, resource_tags = @ResourceTags, updated_ms = @Now
            WHERE name = @Name AND deleted_ms IS NULL
            """,
            Parameters(spec, null, clock.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken: ct));
        return changed == 0 ? null : await FindAsync(connection, spec.Name, ct);
    }

    /// <summary>Soft-deletes a live node type; false when there is none of that name.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE node_types SET deleted_ms = @Now WHERE name = @Name AND deleted_ms IS NULL",
            new { Name = name, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct));
        return changed > 0;
    }

    private static Task<int> InsertAsync(DbConnection connection, DbTransaction? tx, NodeTypeSpec spec, string id, long now, CancellationToken ct, bool onConflictDoNothing = false) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO node_types (id, name, description, cpu_millicores, memory_mib, available_for, spot_instance, resource_tags, created_ms, updated_ms)
            VALUES (@Id, @Name, @Description, @Cpu, @Memory, @AvailableFor, @SpotInstance, @ResourceTags, @Now, @Now)
            {(onConflictDoNothing ? "ON CONFLICT DO NOTHING" : "")}
            """,
            Parameters(spec, id, now), tx, cancellationToken: ct));

    private static object Parameters(NodeTypeSpec spec, string? id, long now) => new
    {
        Id = id, spec.Name, spec.Description, spec.Cpu, spec.Memory,
        AvailableFor = string.Join(',', spec.AvailableFor.Select(Code)),
        spec.SpotInstance, ResourceTags = JsonText.Write(spec.ResourceTags), Now = now,
    };

    private static async Task<NodeTypeView?> FindAsync(DbConnection connection, string name, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM node_types WHERE name = @Name AND deleted_ms IS NULL", new { Name = name }, cancellationToken: ct));
        return row is null ? null : View(row);
    }

    private static string Code(NodeTypeUsage usage) => usage.ToString().ToUpperInvariant();

    private static NodeTypeView View(Row r) => new(
        r.Id, r.Name, r.Description, r.Cpu, r.Memory,
        r.AvailableFor.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => Enum.Parse<NodeTypeUsage>(u, ignoreCase: true)).ToList(),
        r.SpotInstance, JsonText.Read<List<ResourceTag>>(r.ResourceTags, []),
        DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedMs), DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedMs));

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public int Cpu { get; set; }
        public int Memory { get; set; }
        public string AvailableFor { get; set; } = "";
        public bool SpotInstance { get; set; }
        public string ResourceTags { get; set; } = "[]";
        public long CreatedMs { get; set; }
        public long UpdatedMs { get; set; }
    }
}

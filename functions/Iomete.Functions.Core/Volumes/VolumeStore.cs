using System.Data.Common;
using Dapper;
using Iomete.Functions.Core.Common;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Time;

namespace Iomete.Functions.Core.Volumes;

public sealed class VolumeStore(IMetadataDb db, TimeProvider clock, IIdGenerator ids)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "name",
        ["type"] = "type",
        ["createdAt"] = "created_ms",
    };

    private const string Columns =
        "id AS Id, name AS Name, type AS Type, host_path AS HostPath, storage_class_name AS StorageClassName, max_size AS MaxSize, " +
        "scheduler_reserved AS SchedulerReserved, nfs_server AS Server, nfs_path AS Path, resource_tags AS ResourceTags, created_ms AS CreatedMs, updated_ms AS UpdatedMs";

    public async Task<Page<VolumeView>> ListAsync(ListQuery query, VolumeType? type, CancellationToken ct)
    {
        var where = "1 = 1";
        if (query.SearchPattern is not null)
        {
            where += " AND LOWER(name) LIKE @Pattern ESCAPE '\\'";
        }
        if (type is not null)
        {
            where += " AND type = @Type";
        }
        var args = new { Pattern = query.SearchPattern, Type = type is null ? null : VolumeRules.Code(type.Value), query.Limit, query.Offset };
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM volumes WHERE {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM volumes WHERE {where} ORDER BY {query.OrderBy}, name LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<VolumeView>(rows.Select(View).ToList(), total, query.Offset, query.Limit);
    }

    public async Task<VolumeView?> FindAsync(string name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        return await FindAsync(connection, name, ct);
    }

    public async Task<VolumeView> CreateAsync(VolumeSpec spec, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO volumes (id, name, type, host_path, storage_class_name, max_size, scheduler_reserved, nfs_server, nfs_path, resource_tags, created_ms, updated_ms)
                VALUES (@Id, @Name, @Type, @HostPath, @StorageClassName, @MaxSize, @SchedulerReserved, @Server, @Path, @ResourceTags, @Now, @Now)
                """,
                Parameters(spec, ids.NewId()), cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A volume named '{spec.Name}' already exists.");
        }
        return (await FindAsync(connection, spec.Name, ct))!;
    }

    public async Task<VolumeView?> UpdateAsync(VolumeSpec spec, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE volumes SET type = @Type, host_path = @HostPath, storage_class_name = @StorageClassName, max_size = @MaxSize,
                scheduler_reserved = @SchedulerReserved, nfs_server = @Server, nfs_path = @Path, resource_tags = @ResourceTags, updated_ms = @Now
            WHERE name = @Name
            """,
            Parameters(spec, null), cancellationToken: ct));
        return changed == 0 ? null : await FindAsync(connection, spec.Name, ct);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM volumes WHERE name = @Name", new { Name = name }, cancellationToken: ct)) > 0;
    }

    private object Parameters(VolumeSpec spec, string? id) => new
    {
        Id = id, spec.Name, Type = VolumeRules.Code(spec.Type), spec.HostPath, spec.StorageClassName, spec.MaxSize,
        spec.SchedulerReserved, spec.Server, spec.Path, ResourceTags = JsonText.Write(spec.ResourceTags),
        Now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
    };

    private static async Task<VolumeView?> FindAsync(DbConnection connection, string name, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM volumes WHERE name = @Name", new { Name = name }, cancellationToken: ct));
        return row is null ? null : View(row);
    }

    private static VolumeView View(Row r) => new(
        r.Id, r.Name, VolumeRules.FromCode(r.Type) ?? throw new InvalidOperationException($"Unknown volume type '{r.Type}' in the database."),
        r.HostPath, r.StorageClassName, r.MaxSize, r.SchedulerReserved, r.Server, r.Path,
        JsonText.Read<List<ResourceTag>>(r.ResourceTags, []),
        DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedMs), DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedMs));

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public string? HostPath { get; set; }
        public string? StorageClassName { get; set; }
        public string? MaxSize { get; set; }
        public bool SchedulerReserved { get; set; }
        public string? Server { get; set; }
        public string? Path { get; set; }
        public string ResourceTags { get; set; } = "[]";
        public long CreatedMs { get; set; }
        public long UpdatedMs { get; set; }
    }
}

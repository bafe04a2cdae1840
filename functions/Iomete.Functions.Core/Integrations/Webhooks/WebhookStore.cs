using System.Data.Common;
using Dapper;
using Iomete.Functions.Core.Common;
using Iomete.Functions.Core.Secrets;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Time;

namespace Iomete.Functions.Core.Integrations.Webhooks;

/// <summary>Webhook endpoints; secrets are encrypted at rest and never leave through views.</summary>
public sealed class WebhookStore(IMetadataDb db, SecretCipher cipher, TimeProvider clock, IIdGenerator ids)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "name",
        ["createdAt"] = "created_ms",
    };

    private const string Columns =
        "id AS Id, name AS Name, url AS Url, kind AS Kind, secret AS Secret, events AS Events, enabled AS Enabled, created_ms AS CreatedMs, updated_ms AS UpdatedMs";

    public async Task<Page<WebhookView>> ListAsync(ListQuery query, CancellationToken ct)
    {
        var where = query.SearchPattern is null ? "" : "WHERE LOWER(name) LIKE @Pattern ESCAPE '\\' OR LOWER(url) LIKE @Pattern ESCAPE '\\'";
        var args = new { Pattern = query.SearchPattern, query.Limit, query.Offset };
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM webhooks {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM webhooks {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<WebhookView>(rows.Select(View).ToList(), total, query.Offset, query.Limit);
    }

    public async Task<WebhookView?> FindAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        var row = await ReadAsync(connection, id, ct);
        return row is null ? null : View(row);
    }

    /// <summary>The delivery target with its secret decrypted; null when there is no such webhook.</summary>
    public async Task<WebhookTarget?> FindTargetAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        var row = await ReadAsync(connection, id, ct);
        return row is null
            ? null
            : new WebhookTarget(row.Id, row.Name, new Uri(row.Url), Enum.Parse<WebhookKind>(row.Kind), row.Secret is null ? null : cipher.Decrypt(row.Secret));
    }

    public async Task<WebhookView> CreateAsync(WebhookSpec spec, CancellationToken ct)
    {
        var id = ids.NewId();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO webhooks (id, name, url, kind, secret, events, enabled, created_ms, updated_ms)
                VALUES (@Id, @Name, @Url, @Kind, @Secret, @Events, @Enabled, @Now, @Now)
                """,
                new
                {
                    Id = id, spec.Name, spec.Url, Kind = spec.Kind.ToString(), Secret = spec.Secret is null ? null : cipher.Encrypt(spec.Secret),
                    Events = JsonText.Write(spec.Events), spec.Enabled, Now = now,
                },
                cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A webhook named '{spec.Name}' already exists.");
        }
        return View((await ReadAsync(connection, id, ct))!);
    }

    public async Task<WebhookView?> UpdateAsync(string id, WebhookSpec spec, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        int changed;
        try
        {
            changed = await connection.ExecuteAsync(new CommandDefinition(
                $"""
                UPDATE webhooks SET name = @Name, url = @Url, kind = @Kind, events = @Events, enabled = @Enabled, updated_ms = @Now
                    {(spec.KeepSecret ? "" : ", secret = @Secret")}
                WHERE id = @Id
                """,
                new
                {
                    Id = id, spec.Name, spec.Url, Kind = spec.Kind.ToString(), Secret = spec.Secret is null ? null : cipher.Encrypt(spec.Secret),
                    Events = JsonText.Write(spec.Events), spec.Enabled, Now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
                },
                cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A webhook named '{spec.Name}' already exists.");
        }
        return changed == 0 ? null : View((await ReadAsync(connection, id, ct))!);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM webhooks WHERE id = @Id", new { Id = id }, cancellationToken: ct)) > 0;
    }

    private static Task<Row?> ReadAsync(DbConnection connection, string id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM webhooks WHERE id = @Id", new { Id = id }, cancellationToken: ct));

    private static WebhookView View(Row r) => new(
        r.Id, r.Name, r.Url, Enum.Parse<WebhookKind>(r.Kind), JsonText.Read<List<string>>(r.Events, []), r.Enabled, r.Secret is not null,
        DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedMs), DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedMs));

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Url { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? Secret { get; set; }
        public string Events { get; set; } = "[]";
        public bool Enabled { get; set; }
        public long CreatedMs { get; set; }
        public long UpdatedMs { get; set; }
    }
}

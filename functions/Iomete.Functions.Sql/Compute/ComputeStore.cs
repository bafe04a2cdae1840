using Dapper;
using Iomete.Platform.Data;

namespace Iomete.Functions.Sql.Compute;

/// <summary>Threads and memory limit of the embedded compute; null means the engine's default.</summary>
public sealed record ComputeSettings(int? Threads, string? MemoryLimit);

/// <summary>The settings of the embedded compute <c>local</c>, kept in the service's database.</summary>
public sealed class ComputeStore(IMetadataDb db, TimeProvider clock)
{
    public const string Local = "local";

    public async Task<(ComputeSettings Settings, DateTimeOffset? UpdatedAt)> GetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT threads AS Threads, memory_limit AS MemoryLimit, updated_ms AS UpdatedMs FROM sql_compute_settings WHERE name = @Name",
            new { Name = Local }, cancellationToken: ct));
        return row is null
            ? (new ComputeSettings(null, null), null)
            : (new ComputeSettings(row.Threads, row.MemoryLimit), DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedMs));
    }

    public async Task PutAsync(ComputeSettings settings, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sql_compute_settings (name, threads, memory_limit, updated_ms) VALUES (@Name, @Threads, @MemoryLimit, @Now)
            ON CONFLICT (name) DO UPDATE SET threads = excluded.threads, memory_limit = excluded.memory_limit, updated_ms = excluded.updated_ms
            """,
            new { Name = Local, settings.Threads, settings.MemoryLimit, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: ct));
    }

    private sealed class Row
    {
        public int? Threads { get; set; }
        public string? MemoryLimit { get; set; }
        public long UpdatedMs { get; set; }
    }
}

using System.Data.Common;
using Dapper;
using Iomete.Functions.IcebergRest.Tables;
using Iomete.Platform.Data;

namespace Iomete.Functions.IcebergRest.Planning;

/// <summary>Finished scan plans split into plan tasks (JSON bodies of ScanTasks), kept for <see cref="Lifetime"/>.</summary>
public sealed class ScanPlanStore(IMetadataDb db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task SaveAsync(string planId, TableIdent table, IReadOnlyList<string> taskBodies, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scan_plan_tasks WHERE plan_id IN (SELECT plan_id FROM scan_plans WHERE expires_ms < @Now)", new { Now = now }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM scan_plans WHERE expires_ms < @Now", new { Now = now }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO scan_plans (plan_id, catalog, namespace, name, task_count, created_ms, expires_ms)
            VALUES (@PlanId, @Catalog, @Namespace, @Name, @Count, @Now, @Expires)
            """,
            new { PlanId = planId, table.Catalog, Namespace = table.Namespace.Key, table.Name, Count = taskBodies.Count, Now = now, Expires = now + (long)Lifetime.TotalMilliseconds },
            tx, cancellationToken: ct));
        for (var i = 0; i < taskBodies.Count; i++)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO scan_plan_tasks (plan_id, task_index, body) VALUES (@PlanId, @Index, @Body)",
                new { PlanId = planId, Index = i, Body = taskBodies[i] }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>How many plan tasks a live plan of this table has, or null when there is no such plan.</summary>
    public async Task<int?> TaskCountAsync(string planId, TableIdent table, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            """
            SELECT task_count FROM scan_plans
            WHERE plan_id = @PlanId AND catalog = @Catalog AND namespace = @Namespace AND name = @Name AND expires_ms >= @Now
            """,
            new { PlanId = planId, table.Catalog, Namespace = table.Namespace.Key, table.Name, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: ct));
    }

    public async Task<string?> TaskAsync(string planId, int index, TableIdent table, CancellationToken ct)
    {
        if (await TaskCountAsync(planId, table, ct) is null)
        {
            return null;
        }
        await using var connection = await OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT body FROM scan_plan_tasks WHERE plan_id = @PlanId AND task_index = @Index", new { PlanId = planId, Index = index }, cancellationToken: ct));
    }

    /// <summary>Forgets a plan; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string planId, TableIdent table, CancellationToken ct)
    {
        if (await TaskCountAsync(planId, table, ct) is null)
        {
            return false;
        }
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM scan_plan_tasks WHERE plan_id = @PlanId", new { PlanId = planId }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM scan_plans WHERE plan_id = @PlanId", new { PlanId = planId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(IcebergRestRegistration.Service, ct);
}

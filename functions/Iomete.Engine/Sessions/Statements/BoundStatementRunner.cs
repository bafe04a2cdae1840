using DuckDB.NET.Data;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions.Mirror;

namespace Iomete.Engine.Sessions.Statements;

/// <summary>
/// Runs a statement whose table names only DuckDB's binder can find (UPDATE, DELETE, MERGE): every name the binder
/// misses is looked up in the catalog and copied in (the mirror is in materialize mode), then the plan is checked for
/// file access and the statement runs. Returns DuckDB's count of changed rows.
/// </summary>
internal static class BoundStatementRunner
{
    private const int MaxResolutions = 64;

    public static async Task<long> RunAsync(StatementContext context, string statement, CancellationToken ct)
    {
        var seen = new HashSet<MissingTable>();
        for (var i = 0; i < MaxResolutions; i++)
        {
            string plan;
            try
            {
                plan = (string?)await ExplainAsync(context, statement, ct) ?? "[]";
            }
            catch (DuckDBException e) when (MissingTable.From(e) is { } missing)
            {
                if (!seen.Add(missing))
                {
                    throw new SqlObjectNotFoundException(Describe(missing) + " does not exist", e);
                }
                await ResolveAsync(context, missing, e, ct);
                continue;
            }
            PlanCheck.Refuse(plan);
            return await context.ExecAsync(statement, ct);
        }
        throw new SqlInvalidException($"The statement names more than {MaxResolutions} tables");
    }

    private static async Task<object?> ExplainAsync(StatementContext context, string statement, CancellationToken ct)
    {
        await using var command = context.Connection.CreateCommand();
        command.CommandText = "EXPLAIN (FORMAT json) " + statement;
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? reader.GetValue(reader.FieldCount - 1) : null;
    }

    private static async Task ResolveAsync(StatementContext context, MissingTable missing, DuckDBException error, CancellationToken ct)
    {
        var catalogs = await context.Catalog.ListCatalogsAsync(ct);
        if (missing.Name is null)
        {
            if (!catalogs.Contains(missing.Catalog!, StringComparer.Ordinal))
            {
                throw new SqlObjectNotFoundException($"Catalog '{missing.Catalog}' does not exist", error);
            }
            await context.Mirror.EnsureCatalogAsync(missing.Catalog!, ct);
            return;
        }
        var candidates = new List<TableIdent>();
        var current = context.Names;
        if (missing.Schema is { } schema)
        {
            candidates.AddRange(Ordered(catalogs, current.Catalog).Select(c => new TableIdent(c, schema, missing.Name)));
        }
        else
        {
            if (current.Catalog is { } cat && current.Database is { } db)
            {
                candidates.Add(new TableIdent(cat, db, missing.Name));
            }
            candidates.AddRange(context.Mirror.KnownDatabases.Select(d => new TableIdent(d.Catalog, d.Database, missing.Name)));
        }
        var found = false;
        foreach (var ident in candidates.Distinct())
        {
            try
            {
                await context.Mirror.ResolveAsync(ident, null, 0, materialize: true, (sql, names, depth, c) => context.Rewriter.RewriteAsync(sql, 0, names, depth, c), ct);
                found = true;
            }
            catch (SqlObjectNotFoundException)
            {
            }
        }
        if (!found)
        {
            throw new SqlObjectNotFoundException(Describe(missing) + " does not exist", error);
        }
    }

    private static IEnumerable<string> Ordered(IReadOnlyList<string> catalogs, string? current) =>
        current is null ? catalogs : catalogs.OrderBy(c => c == current ? 0 : 1);

    private static string Describe(MissingTable missing) => missing.Name is null
        ? $"Catalog '{missing.Catalog}'"
        : $"Table or view '{(missing.Schema is null ? "" : missing.Schema + ".")}{missing.Name}'";
}

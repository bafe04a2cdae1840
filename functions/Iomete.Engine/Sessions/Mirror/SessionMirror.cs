using System.Globalization;
using DuckDB.NET.Data;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Parquet;
using Iomete.Engine.Reads;
using Iomete.Iceberg.Views;

namespace Iomete.Engine.Sessions.Mirror;

/// <summary>
/// The catalog as the session's DuckDB sees it: every Iceberg catalog is an attached in-memory DuckDB database, every
/// database a schema, and every table or view a statement names becomes a DuckDB view with the same three-part name —
/// over the snapshot's files (planned by the Iceberg library, wrapped by the policy), or over the Iceberg view's SQL.
/// Time travel reads get their own view per snapshot (<c>name@snapshot</c>). Views are redefined only when the table's
/// metadata file or the policy changed.
/// </summary>
internal sealed class SessionMirror(DuckDBConnection connection, RelationCache relations)
{
    private ILakehouseCatalog? catalog;
    private ITablePolicy? policy;

    private const int MaxViewDepth = 16;
    private readonly HashSet<string> attached = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> schemas = [];
    private readonly Dictionary<string, string> definitions = new(StringComparer.Ordinal);
    private readonly List<string> materialized = [];
    private int sequence;

    public ILakehouseCatalog Catalog => catalog ?? throw new InvalidOperationException("The mirror is not bound to a catalog");

    /// <summary>Binds the mirror to the catalog client and policy of the session that uses the connection now.</summary>
    public void Bind(ILakehouseCatalog catalogClient, ITablePolicy? tablePolicy)
    {
        catalog = catalogClient;
        policy = tablePolicy;
    }

    public RelationCache Relations => relations;

    /// <summary>While true every table is copied into a temporary table before use (statements that change rows).</summary>
    public bool MaterializeAll { get; set; }

    /// <summary>The (catalog, database) pairs that exist as DuckDB schemas so far.</summary>
    public IReadOnlyCollection<(string Catalog, string Database)> KnownDatabases => schemas;

    /// <summary>Makes <c>"catalog"."database"</c> exist in DuckDB (an empty schema when the database has no tables yet).</summary>
    public async Task EnsureDatabaseAsync(string catalogName, string database, CancellationToken ct)
    {
        if (schemas.Contains((catalogName, database)))
        {
            return;
        }
        await EnsureCatalogAsync(catalogName, ct);
        await ExecAsync($"CREATE SCHEMA IF NOT EXISTS {Q(catalogName)}.{Q(database)}", ct);
        schemas.Add((catalogName, database));
    }

    public async Task EnsureCatalogAsync(string catalogName, CancellationToken ct)
    {
        if (attached.Contains(catalogName))
        {
            return;
        }
        if (Reserved(catalogName))
        {
            throw new SqlNotAllowedException($"'{catalogName}' is a reserved name of the engine and cannot be used as a catalog");
        }
        await ExecAsync($"ATTACH ':memory:' AS {Q(catalogName)}", ct);
        attached.Add(catalogName);
    }

    /// <summary>
    /// Defines the DuckDB view for a table (at a snapshot, or current) or an Iceberg view and returns it.
    /// With <paramref name="materialize"/> the rows are copied into a temporary table first (statements that change rows
    /// run on copies, so their plans contain no file reads at all).
    /// </summary>
    /// <param name="pushdown">The query's prunable predicates on the table's columns (see <c>PushdownFilter</c>), if any.</param>
    public async Task<ResolvedRelation> ResolveAsync(
        TableIdent ident, SnapshotSelector? asOf, int depth, bool materialize, Func<string, NameContext, int, CancellationToken, Task<string>> rewriteView,
        CancellationToken ct, Func<Iceberg.Schemas.Schema, Iceberg.Expressions.Expression?>? pushdown = null)
    {
        if (depth > MaxViewDepth)
        {
            throw new SqlInvalidException($"Views nest deeper than {MaxViewDepth} levels (a cycle?) at {ident}");
        }
        var table = await LoadTableAsync(ident, ct);
        if (table is not null)
        {
            return await DefineTableAsync(table, asOf, materialize, pushdown, ct);
        }
        var view = await WithCatalogErrors(() => Catalog.LoadViewAsync(ident, ct), ident)
            ?? throw new SqlObjectNotFoundException($"Table or view '{ident}' does not exist");
        if (asOf is not null)
        {
            throw new SqlInvalidException($"'{ident}' is a view: time travel (AT VERSION/TIMESTAMP) applies to tables");
        }
        var representation = view.Metadata.CurrentVersion.Representations.OfType<SqlViewRepresentation>().FirstOrDefault()
            ?? throw new SqlInvalidException($"View '{ident}' has no SQL representation");
        var version = view.Metadata.CurrentVersion;
        var context = new NameContext(version.DefaultCatalog ?? ident.Catalog, version.DefaultNamespace.Count > 0 ? string.Join('.', version.DefaultNamespace) : ident.Database);
        var sql = await rewriteView(representation.Sql, context, depth + 1, ct);
        if (materialize || MaterializeAll)
        {
            sql = await MaterializeAsync(sql, ct);
        }
        await EnsureDatabaseAsync(ident.Catalog, ident.Database, ct);
        var resolved = new ResolvedRelation(ident, ident.Name, view.Metadata.CurrentSchema, null, null);
        await DefineAsync(resolved.DuckDbName, "view:" + view.MetadataLocation + ":" + sql, sql, ct);
        return resolved;
    }

    public async Task<CatalogTable?> LoadTableAsync(TableIdent ident, CancellationToken ct) =>
        await WithCatalogErrors(() => Catalog.LoadTableAsync(ident, ct), ident);

    private async Task<ResolvedRelation> DefineTableAsync(
        CatalogTable table, SnapshotSelector? asOf, bool materialize, Func<Iceberg.Schemas.Schema, Iceberg.Expressions.Expression?>? pushdown, CancellationToken ct)
    {
        var ident = table.Ident;
        var snapshotId = asOf?.Resolve(table.Metadata);
        var schema = snapshotId is { } sid ? (table.Metadata.SnapshotById(sid)?.SchemaId is { } schemaId ? table.Metadata.SchemaById(schemaId) : null) ?? table.Metadata.CurrentSchema : table.Metadata.CurrentSchema;
        var access = await AccessAsync(table, schema, ct);
        if (!access.Allowed)
        {
            throw new SqlNotAllowedException($"Access to table '{ident}' is denied by a data security policy" + (access.Reason is { } r ? $" ({r})" : ""));
        }
        // The query's predicates see masked values; pruning by the real ones could drop rows the caller should see.
        var filter = materialize || MaterializeAll || access.ColumnMasks.Count > 0 ? null : pushdown?.Invoke(schema);
        string planned;
        try
        {
            planned = await relations.RelationSqlAsync(table.MetadataLocation, table.Metadata, snapshotId, provenance: false, ct, filter);
        }
        catch (Exception e) when (filter is not null && e is not OperationCanceledException)
        {
            // A predicate the planner cannot bind or express only loses pruning; the query still filters its rows.
            filter = null;
            planned = await relations.RelationSqlAsync(table.MetadataLocation, table.Metadata, snapshotId, provenance: false, ct);
        }
        var relation = PolicySql.Wrap(planned, schema, access);
        await EnsureDatabaseAsync(ident.Catalog, ident.Database, ct);
        var viewName = (snapshotId is null ? ident.Name : string.Create(CultureInfo.InvariantCulture, $"{ident.Name}@{snapshotId}"))
            + (filter is null ? "" : "$" + FilterKey(filter));
        var resolved = new ResolvedRelation(ident, viewName, schema, table, snapshotId ?? table.Metadata.CurrentSnapshotId);
        if (materialize || MaterializeAll)
        {
            relation = await MaterializeAsync(relation, ct);
        }
        var fingerprint = $"table:{table.MetadataLocation}:{snapshotId}:{PolicySql.Fingerprint(access)}:{(materialize || MaterializeAll ? relation : "")}";
        await DefineAsync(resolved.DuckDbName, fingerprint, relation, ct);
        return resolved;
    }

    /// <summary>
    /// Writes need the whole table: a caller under a row filter or column mask may not change it, and one who may not read
    /// it may only append (<paramref name="readsRows"/> false). Whether the write itself is allowed is the catalog's decision.
    /// </summary>
    public async Task RequireWriteAccessAsync(CatalogTable table, bool readsRows, CancellationToken ct)
    {
        var access = await AccessAsync(table, table.Metadata.CurrentSchema, ct);
        // A write that only needs INSERT, UPDATE or DELETE is the catalog's to allow; a caller who cannot see the whole
        // table could change or delete rows hidden from them, so that is refused here.
        if (access.IsRestricted || (!access.Allowed && (readsRows || table.DataPolicy is null)))
        {
            throw new SqlNotAllowedException($"Writes to '{table.Ident}' are denied: a data security policy limits what you can see of it");
        }
    }

    private async Task<TableAccess> AccessAsync(CatalogTable table, Iceberg.Schemas.Schema schema, CancellationToken ct)
    {
        var session = policy is null ? TableAccess.Full : await policy.ResolveAsync(table.Ident, schema, ct);
        return CatalogPolicyAccess.Combine(session, table.DataPolicy, schema);
    }

    /// <summary>Makes DuckDB's own current schema the session's database, so names DuckDB binds itself resolve like ours.</summary>
    public async Task UseAsync(NameContext names, CancellationToken ct)
    {
        if (names.Catalog is { } c && names.Database is { } d && current != (c, d))
        {
            await EnsureDatabaseAsync(c, d, ct);
            await ExecAsync($"USE {Q(c)}.{Q(d)}", ct);
            current = (c, d);
        }
    }

    private (string, string)? current;

    /// <summary>Copies a relation's rows into a temporary table (dropped by <see cref="ForgetViewsAsync"/>); returns a SELECT of it.</summary>
    private async Task<string> MaterializeAsync(string relation, CancellationToken ct)
    {
        var temp = $"temp.main.{Q(NextTempName("copy"))}";
        await ExecAsync($"CREATE TEMP TABLE {temp} AS {relation}", ct);
        materialized.Add(temp);
        return $"SELECT * FROM {temp}";
    }

    private static string FilterKey(Iceberg.Expressions.Expression filter) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Iceberg.Json.ExpressionJson.ToJson(filter))))[..12].ToLowerInvariant();

    /// <summary>A fresh name for a temporary object of this session.</summary>
    public string NextTempName(string kind) => string.Create(CultureInfo.InvariantCulture, $"__iomete_{kind}_{++sequence}");

    /// <summary>Drops every view defined so far, so the next statement resolves all of its names afresh.</summary>
    public async Task ForgetViewsAsync(CancellationToken ct)
    {
        foreach (var name in definitions.Keys.ToList())
        {
            await ExecAsync($"DROP VIEW IF EXISTS {name}", ct);
        }
        definitions.Clear();
        foreach (var temp in materialized)
        {
            await ExecAsync($"DROP TABLE IF EXISTS {temp}", ct);
        }
        materialized.Clear();
    }

    /// <summary>Forgets what is known about one table (after the session changed or dropped it).</summary>
    public async Task ForgetAsync(TableIdent ident, CancellationToken ct)
    {
        var prefix = $"{Q(ident.Catalog)}.{Q(ident.Database)}.";
        foreach (var name in definitions.Keys.Where(n => n == prefix + Q(ident.Name) || n.StartsWith(prefix + "\"" + ident.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "@", StringComparison.Ordinal)
            || n.StartsWith(prefix + "\"" + ident.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "$", StringComparison.Ordinal)).ToList())
        {
            await ExecAsync($"DROP VIEW IF EXISTS {name}", ct);
            definitions.Remove(name);
        }
    }

    private async Task DefineAsync(string name, string fingerprint, string sql, CancellationToken ct)
    {
        if (definitions.TryGetValue(name, out var existing) && existing == fingerprint)
        {
            return;
        }
        await ExecAsync($"CREATE OR REPLACE VIEW {name} AS {sql}", ct);
        definitions[name] = fingerprint;
    }

    public async Task ExecAsync(string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> WithCatalogErrors<T>(Func<Task<T>> call, TableIdent ident)
    {
        try
        {
            return await call();
        }
        catch (CatalogNotFoundException e)
        {
            throw new SqlObjectNotFoundException($"Table or view '{ident}' does not exist: {e.Message}", e);
        }
        catch (CatalogForbiddenException e)
        {
            throw new SqlNotAllowedException($"Access to '{ident}' is denied: {e.Message}");
        }
    }

    /// <summary>DuckDB's own database names cannot stand for catalogs.</summary>
    public static bool Reserved(string catalogName) =>
        catalogName is "memory" or "system" or "temp" or "main" or "information_schema" or "pg_catalog";

    public static string Q(string identifier) => DuckDbSchema.Quote(identifier);
}

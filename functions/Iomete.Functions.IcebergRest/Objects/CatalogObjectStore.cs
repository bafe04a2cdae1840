using System.Data.Common;
using Dapper;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Platform.Data;

namespace Iomete.Functions.IcebergRest.Objects;

/// <summary>
/// Tables and views of all catalogs: name, kind and the current-metadata pointer. The pointer moves
/// only by compare-and-swap on its previous value, so concurrent committers cannot lose updates.
/// </summary>
public sealed class CatalogObjectStore(IMetadataDb db, TimeProvider clock)
{
    private const string Columns =
        "catalog AS Catalog, namespace AS Namespace, name AS Name, kind AS Kind, metadata_location AS MetadataLocation, " +
        "version AS Version, created_ms AS CreatedMs, updated_ms AS UpdatedMs";

    /// <summary>Even with a signal, a remembered lookup is read again after this long (a writer that died between its commit and its signal).</summary>
    private static readonly TimeSpan MaxRememberAge = TimeSpan.FromSeconds(2);
    private const int MaxRemembered = 10_000;

    private readonly IChangeSignal? signal = db.ChangeSignal(IcebergRestRegistration.Service);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, string), Remembered> remembered = new();

    /// <summary>
    /// The object of that name (table or view), or null. On the embedded engine a lookup is reused while
    /// no process has committed a change to any table or view since it was read (the change signal).
    /// </summary>
    public async Task<CatalogObject?> FindAsync(string catalog, NamespaceName ns, string name, CancellationToken ct)
    {
        if (signal is null)
        {
            await using var direct = await OpenAsync(ct);
            return await FindAsync(direct, null, catalog, ns.Key, name, ct);
        }
        var key = (catalog, ns.Key, name);
        // The signal is read before the row: a commit in between changes it, so the entry is never reused.
        var seen = signal.Current;
        var now = clock.GetUtcNow();
        if (remembered.TryGetValue(key, out var hit) && hit.Signal == seen && now - hit.ReadAt < MaxRememberAge)
        {
            return hit.Object;
        }
        await using var connection = await OpenAsync(ct);
        var found = await FindAsync(connection, null, catalog, ns.Key, name, ct);
        if (found is not null)
        {
            if (remembered.Count >= MaxRemembered)
            {
                remembered.Clear();
            }
            remembered[key] = new Remembered(found, seen, now);
        }
        return found;
    }

    private sealed record Remembered(CatalogObject Object, long Signal, DateTimeOffset ReadAt);

    /// <summary>Tells every reader (of every process on the data directory) that tables or views changed.</summary>
    private void Changed() => signal?.Signal();

    /// <summary>Objects of one kind in a namespace, in name order, after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<string>> ListNamesAsync(
        string catalog, NamespaceName ns, CatalogObjectKind kind, string? after, int? limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var sql = "SELECT name FROM catalog_objects WHERE catalog = @Catalog AND namespace = @Namespace AND kind = @Kind" +
                  (after is null ? "" : " AND name > @After") + " ORDER BY name" + (limit is null ? "" : " LIMIT @Limit");
        var names = await connection.QueryAsync<string>(new CommandDefinition(sql,
            new { Catalog = catalog, Namespace = ns.Key, Kind = kind.Stored(), After = after, Limit = limit }, cancellationToken: ct));
        return names.ToList();
    }

    /// <summary>One page of names of one kind in a namespace (the spec's pagination); 404 when the namespace is missing.</summary>
    public async Task<(IReadOnlyList<string> Names, string? NextToken)> ListPageAsync(
        string catalog, NamespaceName ns, CatalogObjectKind kind, IcebergPaging paging, CancellationToken ct)
    {
        await using (var connection = await OpenAsync(ct))
        {
            var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM namespaces WHERE catalog = @Catalog AND name = @Name", new { Catalog = catalog, Name = ns.Key }, cancellationToken: ct));
            if (exists == 0)
            {
                throw IcebergErrors.NoSuchNamespaceError(ns.ToString());
            }
        }
        var names = await ListNamesAsync(catalog, ns, kind, paging.After, paging.FetchLimit, ct);
        return paging.Cut(names, n => n);
    }

    /// <summary>Registers a new object; 404 when the namespace is missing, 409 when the name is taken by a table or view.</summary>
    public async Task CreateAsync(string catalog, NamespaceName ns, string name, CatalogObjectKind kind, string metadataLocation, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await RequireNamespaceAsync(connection, tx, catalog, ns, ct);
        var existing = await FindAsync(connection, tx, catalog, ns.Key, name, ct);
        if (existing is not null)
        {
            throw IcebergErrors.ObjectExists(Display(ns, name), existing.Kind.Stored());
        }
        var now = Now();
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO catalog_objects (catalog, namespace, name, kind, metadata_location, version, created_ms, updated_ms)
                VALUES (@Catalog, @Namespace, @Name, @Kind, @Location, 1, @Now, @Now)
                """,
                new { Catalog = catalog, Namespace = ns.Key, Name = name, Kind = kind.Stored(), Location = metadataLocation, Now = now },
                tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            Changed();
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw IcebergErrors.ObjectExists(Display(ns, name), "table");
        }
    }

    /// <summary>Replaces the pointer of an existing object unconditionally (register with overwrite).</summary>
    public async Task<bool> OverwriteAsync(string catalog, NamespaceName ns, string name, CatalogObjectKind kind, string metadataLocation, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE catalog_objects SET metadata_location = @Location, version = version + 1, updated_ms = @Now
            WHERE catalog = @Catalog AND namespace = @Namespace AND name = @Name AND kind = @Kind
            """,
            new { Catalog = catalog, Namespace = ns.Key, Name = name, Kind = kind.Stored(), Location = metadataLocation, Now = Now() },
            cancellationToken: ct));
        Changed();
        return changed == 1;
    }

    /// <summary>
    /// Moves every pointer from its expected to its next location in one transaction: all or none.
    /// False when any pointer is no longer at its expected location (someone else committed first).
    /// </summary>
    public async Task<bool> SwapAsync(IReadOnlyList<PointerSwap> swaps, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = Now();
        foreach (var swap in swaps)
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE catalog_objects SET metadata_location = @Next, version = version + 1, updated_ms = @Now
                WHERE catalog = @Catalog AND namespace = @Namespace AND name = @Name AND kind = @Kind AND metadata_location = @Expected
                """,
                new { swap.Catalog, Namespace = swap.Namespace.Key, swap.Name, Kind = swap.Kind.Stored(), swap.Expected, swap.Next, Now = now },
                tx, cancellationToken: ct));
            if (changed != 1)
            {
                await tx.RollbackAsync(ct);
                return false;
            }
        }
        await tx.CommitAsync(ct);
        Changed();
        return true;
    }

    /// <summary>Forgets an object of the given kind; returns what was removed, or null when there was none.</summary>
    public async Task<CatalogObject?> DropAsync(string catalog, NamespaceName ns, string name, CatalogObjectKind kind, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var existing = await FindAsync(connection, tx, catalog, ns.Key, name, ct);
        if (existing is null || existing.Kind != kind)
        {
            return null;
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM catalog_objects WHERE catalog = @Catalog AND namespace = @Namespace AND name = @Name AND version = @Version",
            new { Catalog = catalog, Namespace = ns.Key, Name = name, existing.Version }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        Changed();
        return existing;
    }

    /// <summary>
    /// Renames a table or view, possibly into another namespace of the same catalog: 404 when the source
    /// or the target namespace is missing, 409 when the target name is taken.
    /// </summary>
    public async Task RenameAsync(string catalog, NamespaceName fromNs, string fromName, NamespaceName toNs, string toName, CatalogObjectKind kind, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var source = await FindAsync(connection, tx, catalog, fromNs.Key, fromName, ct);
        if (source is null || source.Kind != kind)
        {
            throw kind == CatalogObjectKind.Table ? IcebergErrors.NoSuchTableError(Display(fromNs, fromName)) : IcebergErrors.NoSuchViewError(Display(fromNs, fromName));
        }
        await RequireNamespaceAsync(connection, tx, catalog, toNs, ct);
        var target = await FindAsync(connection, tx, catalog, toNs.Key, toName, ct);
        if (target is not null)
        {
            throw IcebergErrors.ObjectExists(Display(toNs, toName), target.Kind.Stored());
        }
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE catalog_objects SET namespace = @ToNamespace, name = @ToName, version = version + 1, updated_ms = @Now
                WHERE catalog = @Catalog AND namespace = @FromNamespace AND name = @FromName
                """,
                new { Catalog = catalog, FromNamespace = fromNs.Key, FromName = fromName, ToNamespace = toNs.Key, ToName = toName, Now = Now() },
                tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            Changed();
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw IcebergErrors.ObjectExists(Display(toNs, toName), "table");
        }
    }

    /// <summary>How many tables and views a namespace holds (a namespace with any cannot be dropped).</summary>
    public static Task<long> CountInNamespaceAsync(DbConnection connection, DbTransaction? tx, string catalog, string nsKey, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM catalog_objects WHERE catalog = @Catalog AND namespace = @Namespace",
            new { Catalog = catalog, Namespace = nsKey }, tx, cancellationToken: ct));

    public static string Display(NamespaceName ns, string name) => ns + "." + name;

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(IcebergRestRegistration.Service, ct);

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static async Task RequireNamespaceAsync(DbConnection connection, DbTransaction tx, string catalog, NamespaceName ns, CancellationToken ct)
    {
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM namespaces WHERE catalog = @Catalog AND name = @Name", new { Catalog = catalog, Name = ns.Key }, tx, cancellationToken: ct));
        if (exists == 0)
        {
            throw IcebergErrors.NoSuchNamespaceError(ns.ToString());
        }
    }

    private static async Task<CatalogObject?> FindAsync(DbConnection connection, DbTransaction? tx, string catalog, string nsKey, string name, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM catalog_objects WHERE catalog = @Catalog AND namespace = @Namespace AND name = @Name",
            new { Catalog = catalog, Namespace = nsKey, Name = name }, tx, cancellationToken: ct));
        return row is null ? null : new CatalogObject(row.Catalog, NamespaceName.FromKey(row.Namespace), row.Name,
            CatalogObjectKinds.Parse(row.Kind), row.MetadataLocation, row.Version, row.CreatedMs, row.UpdatedMs);
    }

    private sealed class Row
    {
        public string Catalog { get; set; } = "";
        public string Namespace { get; set; } = "";
        public string Name { get; set; } = "";
        public string Kind { get; set; } = "";
        public string MetadataLocation { get; set; } = "";
        public long Version { get; set; }
        public long CreatedMs { get; set; }
        public long UpdatedMs { get; set; }
    }
}

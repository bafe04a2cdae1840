using Dapper;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Data;
using Iomete.Platform.Http;
using Iomete.Platform.Time;

namespace Iomete.Functions.Catalog.Favorites;

/// <summary>A bookmarked table of one user in one domain.</summary>
public sealed record Favorite(string Id, string Catalog, string Database, string Table, DateTimeOffset CreatedAt);

/// <summary>Favorites per user and domain; adding one twice returns the first (unique key domain, user, table).</summary>
public sealed class FavoriteStore(IMetadataDb db, IIdGenerator ids, TimeProvider clock)
{
    private const string Columns = "id AS Id, catalog AS Catalog, database_name AS DatabaseName, table_name AS TableName, created_ms AS CreatedMs";

    public async Task<Page<Favorite>> ListAsync(string domain, string userId, int offset, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        var args = new { Domain = domain, User = userId, Offset = offset, Limit = limit };
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM catalog_favorites WHERE domain_id = @Domain AND user_id = @User", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
             SELECT {Columns} FROM catalog_favorites WHERE domain_id = @Domain AND user_id = @User
             ORDER BY created_ms DESC, id DESC LIMIT @Limit OFFSET @Offset
             """, args, cancellationToken: ct));
        return new Page<Favorite>(rows.Select(r => r.ToFavorite()).ToList(), total, offset, limit);
    }

    /// <summary>Adds the favorite, or returns the existing one (created false).</summary>
    public async Task<(Favorite Favorite, bool Created)> AddAsync(string domain, string userId, TableKey table, CancellationToken ct)
    {
        if (await FindAsync(domain, userId, table, ct) is { } existing)
        {
            return (existing, false);
        }
        var favorite = new Favorite(ids.NewId(), table.Catalog, table.Database, table.Table, clock.GetUtcNow());
        try
        {
            await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO catalog_favorites (id, domain_id, user_id, catalog, database_name, table_name, created_ms)
                VALUES (@Id, @Domain, @User, @Catalog, @Database, @Table, @Created)
                """,
                new { favorite.Id, Domain = domain, User = userId, table.Catalog, table.Database, table.Table, Created = favorite.CreatedAt.ToUnixTimeMilliseconds() },
                cancellationToken: ct));
            return (favorite, true);
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            // A concurrent add of the same table won: answer with it.
            return (await FindAsync(domain, userId, table, ct) ?? favorite, false);
        }
    }

    public async Task<Favorite?> FindAsync(string domain, string userId, TableKey table, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"""
             SELECT {Columns} FROM catalog_favorites WHERE domain_id = @Domain AND user_id = @User
               AND catalog = @Catalog AND database_name = @Database AND table_name = @Table
             """, new { Domain = domain, User = userId, table.Catalog, table.Database, table.Table }, cancellationToken: ct));
        return row?.ToFavorite();
    }

    /// <summary>Removes one of the user's favorites by id; the removed one, or null when the user has none with that id.</summary>
    public async Task<Favorite?> DeleteAsync(string domain, string userId, string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        var args = new { Domain = domain, User = userId, Id = id };
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM catalog_favorites WHERE domain_id = @Domain AND user_id = @User AND id = @Id", args, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM catalog_favorites WHERE domain_id = @Domain AND user_id = @User AND id = @Id", args, cancellationToken: ct));
        return row.ToFavorite();
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Catalog { get; init; } = "";
        public string DatabaseName { get; init; } = "";
        public string TableName { get; init; } = "";
        public long CreatedMs { get; init; }

        public Favorite ToFavorite() => new(Id, Catalog, DatabaseName, TableName, DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs));
    }
}

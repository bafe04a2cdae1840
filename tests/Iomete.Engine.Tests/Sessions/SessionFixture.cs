using System.Data.Common;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Reads;
using Iomete.Engine.Sessions;
using Iomete.Engine.Tests.Catalogs;
using Iomete.Iceberg.Scan;
using Microsoft.Extensions.Options;

namespace Iomete.Engine.Tests.Sessions;

/// <summary>A local platform (its REST catalog holds the tables) and the embedded engine reading and writing them as the admin.</summary>
public sealed class SessionFixture : IAsyncLifetime
{
    public const string Catalog = CatalogFixture.Catalog;

    public CatalogFixture Platform { get; } = new();

    public EmbeddedSqlEngine Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Platform.InitializeAsync();
        var io = Platform.IO;
        Engine = new EmbeddedSqlEngine(io, new IcebergTableReader(io, new ScanPlanner(io, 4)), Options.Create(new EngineOptions { Threads = 2 }), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Platform.DisposeAsync();
    }

    /// <summary>A session as the admin, inside a new database of <see cref="Catalog"/>.</summary>
    public async Task<ISqlSession> SessionAsync(ITablePolicy? policy = null, string? database = null)
    {
        database ??= await Platform.DatabaseAsync();
        return await Engine.OpenSessionAsync(new SqlSessionOptions(Platform.AdminCatalog(), Catalog, database, policy), CancellationToken.None);
    }

    public ILakehouseCatalog Catalogs => Platform.AdminCatalog();
}

/// <summary>Runs statements and collects what they return.</summary>
public static class SessionRuns
{
    public static async Task<List<object?[]>> QueryAsync(this ISqlSession session, string sql)
    {
        var rows = new List<object?[]>();
        await session.ExecuteAsync(sql, async (reader, ct) => rows.AddRange(await ReadAllAsync(reader, ct)), CancellationToken.None);
        return rows;
    }

    public static Task<StatementResult> RunAsync(this ISqlSession session, string sql) =>
        session.ExecuteAsync(sql, (_, _) => Task.CompletedTask, CancellationToken.None);

    public static async Task<List<object?[]>> ReadAllAsync(DbDataReader reader, CancellationToken ct)
    {
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(values);
        }
        return rows;
    }

    /// <summary>Rows as text, one line per row, values joined by '|' (numbers invariant), for order-insensitive comparisons sort first.</summary>
    public static string[] Lines(this IEnumerable<object?[]> rows) =>
        [.. rows.Select(r => string.Join('|', r.Select(v => v switch { null => "NULL", IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture), _ => v.ToString() })))];
}

using System.Data.Common;
using System.Diagnostics;
using DuckDB.NET.Data;
using Iomete.Testing.Tpch;

namespace Iomete.Engine.Tests.Tpch;

/// <summary>An in-memory DuckDB holding the generated TPC-H tables of one scale factor.</summary>
public abstract class TpchDatabase : IAsyncLifetime
{
    protected TpchDatabase(double scaleFactor) => ScaleFactor = scaleFactor;

    public double ScaleFactor { get; }

    public DuckDBConnection Connection { get; private set; } = null!;

    public TimeSpan GenerationTime { get; private set; }

    public async Task InitializeAsync()
    {
        Connection = await OpenAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await GenerateAsync(Connection, ScaleFactor, "", CancellationToken.None);
        GenerationTime = clock.Elapsed;
    }

    public async Task DisposeAsync() => await Connection.DisposeAsync();

    public static async Task<DuckDBConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        return connection;
    }

    public static async Task GenerateAsync(DbConnection connection, double scaleFactor, string prefix, CancellationToken ct)
    {
        foreach (var statement in TpchGenerator.CreateTableStatements(scaleFactor, prefix))
        {
            await ExecuteAsync(connection, statement, ct);
        }
    }

    public static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<ResultSet> QueryAsync(string sql) => ResultSet.QueryAsync(Connection, sql, CancellationToken.None);
}

/// <summary>SF 0.01: 15,000 orders, ≈ 60,000 lineitems.</summary>
public sealed class TinyTpch() : TpchDatabase(0.01);

/// <summary>SF 0.1: 150,000 orders, ≈ 600,000 lineitems.</summary>
public sealed class SmallTpch() : TpchDatabase(0.1);

using DuckDB.NET.Data;

namespace Iomete.DataSecurity.Tests.Masking;

/// <summary>An in-memory DuckDB with one row of every value kind (id 1) and a row of NULLs (id 2).</summary>
public sealed class DuckDbTable : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public DuckDbTable()
    {
        _connection.Open();
        Execute("""
            CREATE TABLE t (id INTEGER, s VARCHAR, i INTEGER, big BIGINT, d DECIMAL(10,2), f DOUBLE, dt DATE, ts TIMESTAMP, b BOOLEAN, bin BLOB);
            INSERT INTO t VALUES
              (1, 'Card 4111-1111-1111-1234 é', -123456, 9876543210, 12345.67, 98.5, DATE '2024-05-17', TIMESTAMP '2024-05-17 10:11:12', true, '\xAA\xBB'::BLOB),
              (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              (3, 'abc', 12, 12, 1.5, 2.0, DATE '1999-12-31', TIMESTAMP '1999-12-31 23:59:59', false, NULL);
            """);
    }

    public object? Value(string expression, int id = 1)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {expression} FROM t WHERE id = {id}";
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public string TypeOf(string expression) => (string)Value($"typeof({expression})")!;

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

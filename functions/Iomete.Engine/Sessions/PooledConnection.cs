using DuckDB.NET.Data;
using Iomete.Engine.Sessions.Mirror;
using Iomete.Engine.Sessions.Queries;

namespace Iomete.Engine.Sessions;

/// <summary>A locked-down DuckDB connection with its catalog mirror; reused by later sessions of the same caller and settings.</summary>
internal sealed class PooledConnection(string poolKey, DuckDBConnection connection, RelationCache relations) : IAsyncDisposable
{
    public string PoolKey { get; } = poolKey;

    public DuckDBConnection Connection { get; } = connection;

    public SessionMirror Mirror { get; } = new(connection, relations);

    public QueryRewriter Rewriter => rewriter ??= new QueryRewriter(Connection, Mirror);

    private QueryRewriter? rewriter;

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

using Dapper;

namespace Iomete.DurableTask.Sql.Backend;

/// <summary>Dapper calls bound to a write scope's transaction.</summary>
internal static class WriteScopeExtensions
{
    public static Task<int> ExecuteAsync(this WriteScope scope, string sql, object? parameters, CancellationToken ct) =>
        scope.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, scope.Transaction, cancellationToken: ct));

    public static Task<T?> QuerySingleOrDefaultAsync<T>(this WriteScope scope, string sql, object? parameters, CancellationToken ct) =>
        scope.Connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, scope.Transaction, cancellationToken: ct));

    public static Task<IEnumerable<T>> QueryAsync<T>(this WriteScope scope, string sql, object? parameters, CancellationToken ct) =>
        scope.Connection.QueryAsync<T>(new CommandDefinition(sql, parameters, scope.Transaction, cancellationToken: ct));
}

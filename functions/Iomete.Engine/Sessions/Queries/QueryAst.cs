using System.Globalization;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Iomete.Engine.Parquet;

namespace Iomete.Engine.Sessions.Queries;

/// <summary>
/// DuckDB's own parser as a library: <c>json_serialize_sql</c> turns a query into its AST (JSON) and
/// <c>json_deserialize_sql</c> turns a (rewritten) AST back into SQL. Only queries serialize; anything else is reported
/// as <see cref="IsQueryAsync"/> = false.
/// </summary>
internal static class QueryAst
{
    private const string NotASelect = "Only SELECT statements can be serialized";

    /// <summary>The AST of one query; <see cref="SqlSyntaxException"/> with DuckDB's message and position (offset by <paramref name="offset"/>).</summary>
    public static async Task<JsonObject> ParseAsync(DuckDBConnection connection, string query, int offset, CancellationToken ct)
    {
        var root = await SerializeAsync(connection, query, ct);
        if (root["error"]?.GetValue<bool>() == true)
        {
            var message = root["error_message"]?.GetValue<string>() ?? "syntax error";
            if (message.Contains(NotASelect, StringComparison.Ordinal))
            {
                throw new SqlSyntaxException("Expected a query (SELECT, WITH … SELECT, VALUES, FROM …)", offset);
            }
            int? position = int.TryParse(root["position"]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p + offset : null;
            throw new SqlSyntaxException(message, position);
        }
        var statements = root["statements"]?.AsArray() ?? [];
        if (statements.Count != 1)
        {
            throw new SqlSyntaxException("Expected exactly one query", offset);
        }
        return root;
    }

    /// <summary>SQL text of an AST produced by <see cref="ParseAsync"/> (possibly rewritten).</summary>
    public static async Task<string> ToSqlAsync(DuckDBConnection connection, JsonObject root, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT json_deserialize_sql({DuckDbSchema.Literal(root.ToJsonString())}::JSON)";
        var sql = (string?)await command.ExecuteScalarAsync(ct);
        return sql ?? throw new InvalidOperationException("json_deserialize_sql returned NULL");
    }

    /// <summary>The node (SELECT_NODE, SET_OPERATION_NODE…) of the single statement.</summary>
    public static JsonObject Node(JsonObject root) => root["statements"]![0]!["node"]!.AsObject();

    private static async Task<JsonObject> SerializeAsync(DuckDBConnection connection, string query, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT json_serialize_sql({DuckDbSchema.Literal(query)})";
        var json = (string?)await command.ExecuteScalarAsync(ct);
        return JsonNode.Parse(json ?? "{}")?.AsObject() ?? new JsonObject();
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Iomete.Functions.Sql.SystemTables;

/// <summary>
/// The system table <c>spark_catalog.iomete_system_db.data_access_audit</c>: Ranger's audit fields (IOMETE's column set)
/// as an Iceberg table, so decisions can be queried with SQL. Only super users and whoever a policy allows may read it.
/// </summary>
internal static class AuditTable
{
    public const string Catalog = "spark_catalog";
    public const string Database = "iomete_system_db";
    public const string Name = "data_access_audit";
    public const string Qualified = $"{Catalog}.{Database}.{Name}";

    public static string CreateStatement => $"""
        CREATE TABLE IF NOT EXISTS {Qualified} (
          id STRING, event_time TIMESTAMP, user_name STRING, client_ip STRING, repository_name STRING, enforcer STRING,
          resource_path STRING, resource_type STRING, access_type STRING, action STRING, access_result STRING,
          policy_id BIGINT, policy_version BIGINT, result_reason STRING, session_id STRING, tags STRING)
        """;

    /// <summary>An INSERT of audit entries as the audit API returns them (one JSON object per entry).</summary>
    public static string Insert(IReadOnlyList<JsonElement> entries)
    {
        var sql = new StringBuilder($"INSERT INTO {Qualified} VALUES ");
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            sql.Append(i == 0 ? "" : ", ").Append('(')
                .Append(Text(e, "id")).Append(", ")
                .Append("TIMESTAMP '").Append(e.GetProperty("eventTime").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)).Append("', ")
                .Append(Text(e, "user")).Append(", ").Append(Text(e, "clientIp")).Append(", ").Append(Text(e, "repository")).Append(", ")
                .Append(Text(e, "enforcer")).Append(", ").Append(Text(e, "resource")).Append(", ").Append(Text(e, "resourceType")).Append(", ")
                .Append(Text(e, "accessType")).Append(", ").Append(Text(e, "action")).Append(", ")
                .Append(e.TryGetProperty("allowed", out var allowed) && allowed.ValueKind == JsonValueKind.True ? "'ALLOWED'" : "'DENIED'").Append(", ")
                .Append(Number(e, "policyId")).Append(", ").Append(Number(e, "policyVersion")).Append(", ")
                .Append(Text(e, "reason")).Append(", ").Append(Text(e, "sessionId")).Append(", ")
                .Append(e.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                    ? Quote(string.Join(',', tags.EnumerateArray().Select(t => t.GetString())))
                    : "NULL")
                .Append(')');
        }
        return sql.ToString();
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Quote(v.GetString()!) : "NULL";

    private static string Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64().ToString(CultureInfo.InvariantCulture) : "NULL";

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}

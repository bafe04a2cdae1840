using Iomete.Engine.Sessions;

namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>
/// Tells a query (sent as a relation, streamed back in batches) from a command (sent as a SQL command, run eagerly by
/// Spark) by the statement's leading keywords, and names the statement's kind for the query record.
/// </summary>
internal static class SparkStatements
{
    public static bool IsQuery(string sql) => Words(sql, 1) is [var first, ..] && first is "SELECT" or "WITH" or "VALUES" or "FROM" or "TABLE" or "(";

    /// <summary>The statement's kind; null for a statement the SQL service has no kind for (SET, CACHE, REFRESH…).</summary>
    public static StatementKind? Kind(string sql)
    {
        var words = Words(sql, 10);
        bool Has(string word) => words.Contains(word);
        return words switch
        {
            [] => null,
            ["SELECT" or "WITH" or "VALUES" or "FROM" or "TABLE" or "(", ..] => StatementKind.Query,
            ["SHOW", ..] => StatementKind.Show,
            ["DESCRIBE" or "DESC", ..] => StatementKind.Describe,
            ["EXPLAIN", ..] => StatementKind.Explain,
            ["USE", ..] => StatementKind.Use,
            ["INSERT", "OVERWRITE", ..] => StatementKind.InsertOverwrite,
            ["INSERT", ..] => StatementKind.Insert,
            ["UPDATE", ..] => StatementKind.Update,
            ["DELETE", ..] => StatementKind.Delete,
            ["MERGE", ..] => StatementKind.Merge,
            ["ALTER", "TABLE", ..] => StatementKind.AlterTable,
            ["DROP", "TABLE", ..] => StatementKind.DropTable,
            ["DROP", "VIEW", ..] => StatementKind.DropView,
            ["DROP", "DATABASE" or "SCHEMA" or "NAMESPACE", ..] => StatementKind.DropDatabase,
            ["CREATE", ..] when Has("VIEW") => StatementKind.CreateView,
            ["CREATE", ..] when Has("DATABASE") || Has("SCHEMA") || Has("NAMESPACE") => StatementKind.CreateDatabase,
            ["CREATE" or "REPLACE", ..] when Has("TABLE") => Has("AS") ? StatementKind.CreateTableAsSelect : StatementKind.CreateTable,
            _ => null,
        };
    }

    /// <summary>The first <paramref name="max"/> words in upper case, past comments; "(" counts as a word.</summary>
    private static List<string> Words(string sql, int max)
    {
        var words = new List<string>(max);
        var i = 0;
        while (i < sql.Length && words.Count < max)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                i = sql.IndexOf('\n', i) is var end && end < 0 ? sql.Length : end + 1;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                i = sql.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end && end < 0 ? sql.Length : end + 2;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
                {
                    i++;
                }
                words.Add(sql[start..i].ToUpperInvariant());
            }
            else
            {
                words.Add(c.ToString());
                i++;
            }
        }
        return words;
    }
}

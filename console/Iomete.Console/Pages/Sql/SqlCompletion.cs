using System.Text.RegularExpressions;

namespace Iomete.Console.Pages.Sql;

/// <summary>A suggestion for Monaco: <c>kind</c> is one of keyword, catalog, database, table, column.</summary>
public sealed record CompletionItem(string Label, string Kind, string Detail);

/// <summary>
/// Autocomplete from the text before the cursor: after <c>a.b.</c> the tables of catalog a's database b; after
/// <c>a.</c> the databases of catalog a, or the tables of database a in the current catalog, or the columns of table
/// (or alias) a; otherwise keywords, catalogs, the current catalog's databases, the current database's tables and
/// the columns of the tables the statement names.
/// </summary>
public sealed partial class SqlCompletion(SchemaCache schema)
{
    public static readonly string[] Keywords =
    [
        "SELECT", "FROM", "WHERE", "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "JOIN", "LEFT JOIN", "INNER JOIN", "ON", "AS",
        "AND", "OR", "NOT", "IN", "IS NULL", "IS NOT NULL", "LIKE", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END",
        "DISTINCT", "UNION ALL", "INSERT INTO", "VALUES", "UPDATE", "SET", "DELETE FROM", "CREATE TABLE", "DROP TABLE",
        "ALTER TABLE", "WITH", "COUNT(*)", "SUM", "AVG", "MIN", "MAX", "SHOW TABLES", "SHOW DATABASES", "DESCRIBE", "USE",
    ];

    public async Task<IReadOnlyList<CompletionItem>> SuggestAsync(string textBeforeCursor, string fullText, string? catalog, string? database)
    {
        var qualifier = Qualifier().Match(textBeforeCursor);
        if (qualifier.Success)
        {
            var parts = qualifier.Groups["q"].Value.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries).Select(Unquote).ToArray();
            return await QualifiedAsync(parts, fullText, catalog, database);
        }
        var items = new List<CompletionItem>(Keywords.Select(k => new CompletionItem(k, "keyword", "keyword")));
        var catalogs = await schema.CatalogsAsync();
        items.AddRange(catalogs.Select(c => new CompletionItem(c, "catalog", "catalog")));
        if (catalog is { Length: > 0 })
        {
            items.AddRange((await schema.DatabasesAsync(catalog)).Select(d => new CompletionItem(d, "database", "database in " + catalog)));
            if (database is { Length: > 0 })
            {
                items.AddRange((await schema.TablesAsync(catalog, database)).Select(t => new CompletionItem(t, "table", $"table in {catalog}.{database}")));
            }
        }
        foreach (var (cat, db, table, _) in Referenced(fullText, catalog, database))
        {
            items.AddRange((await schema.ColumnsAsync(cat, db, table)).Select(c => new CompletionItem(c, "column", "column of " + table)));
        }
        return [.. items.DistinctBy(i => (i.Label, i.Kind))];
    }

    private async Task<IReadOnlyList<CompletionItem>> QualifiedAsync(string[] parts, string fullText, string? catalog, string? database)
    {
        var catalogs = await schema.CatalogsAsync();
        if (parts.Length >= 2)
        {
            // a.b. : catalog a, database b → tables; or database a, table b in the current catalog → columns.
            if (catalogs.Contains(parts[^2], StringComparer.OrdinalIgnoreCase))
            {
                return Items(await schema.TablesAsync(parts[^2], parts[^1]), "table", $"table in {parts[^2]}.{parts[^1]}");
            }
            return catalog is { Length: > 0 } ? Items(await schema.ColumnsAsync(catalog, parts[^2], parts[^1]), "column", "column of " + parts[^1]) : [];
        }
        var name = parts[0];
        var items = new List<CompletionItem>();
        if (catalogs.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            items.AddRange(Items(await schema.DatabasesAsync(name), "database", "database in " + name));
        }
        if (catalog is { Length: > 0 })
        {
            var databases = await schema.DatabasesAsync(catalog);
            if (databases.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                items.AddRange(Items(await schema.TablesAsync(catalog, name), "table", $"table in {catalog}.{name}"));
            }
        }
        foreach (var (cat, db, table, alias) in Referenced(fullText, catalog, database))
        {
            if (string.Equals(alias, name, StringComparison.OrdinalIgnoreCase) || string.Equals(table, name, StringComparison.OrdinalIgnoreCase))
            {
                items.AddRange(Items(await schema.ColumnsAsync(cat, db, table), "column", "column of " + table));
            }
        }
        return items;
    }

    /// <summary>The tables the text names after FROM/JOIN/INTO/UPDATE (resolved with the current catalog and database), with their aliases.</summary>
    public static IReadOnlyList<(string Catalog, string Database, string Table, string? Alias)> Referenced(string text, string? catalog, string? database)
    {
        var found = new List<(string, string, string, string?)>();
        foreach (Match m in TableReference().Matches(text))
        {
            var parts = m.Groups["name"].Value.Split('.').Select(Unquote).ToArray();
            var alias = m.Groups["alias"].Success && !Reserved.Contains(m.Groups["alias"].Value) ? m.Groups["alias"].Value : null;
            (string? c, string? d, string t) = parts.Length switch
            {
                >= 3 => (parts[^3], parts[^2], parts[^1]),
                2 => (catalog, parts[0], parts[1]),
                _ => (catalog, database, parts[0]),
            };
            if (c is { Length: > 0 } && d is { Length: > 0 })
            {
                found.Add((c, d, t, alias));
            }
        }
        return [.. found.Distinct()];
    }

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "where", "join", "left", "right", "inner", "outer", "full", "cross", "on", "group", "order", "limit", "having",
        "union", "values", "select", "set", "using", "as", "qualify", "window",
    };

    private static IReadOnlyList<CompletionItem> Items(IEnumerable<string> names, string kind, string detail) =>
        [.. names.Select(n => new CompletionItem(n, kind, detail))];

    private static string Unquote(string s) => s.Trim('`', '"');

    [GeneratedRegex(@"(?<q>(?:[A-Za-z_][\w]*|`[^`]+`|""[^""]+"")(?:\.(?:[A-Za-z_][\w]*|`[^`]+`|""[^""]+""))*\.)\w*$")]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+(?<name>(?:[A-Za-z_]\w*|`[^`]+`)(?:\.(?:[A-Za-z_]\w*|`[^`]+`)){0,2})(?:\s+(?:AS\s+)?(?<alias>[A-Za-z_]\w*))?", RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();
}

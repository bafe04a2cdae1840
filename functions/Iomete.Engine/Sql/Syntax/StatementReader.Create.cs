using Iomete.Engine.Sessions;

namespace Iomete.Engine.Sql.Syntax;

internal sealed partial class StatementReader
{
    private SqlStatement Create()
    {
        c.ExpectWord("CREATE");
        var orReplace = c.AcceptWords("OR", "REPLACE");
        if (c.AcceptWord("TEMP") || c.AcceptWord("TEMPORARY"))
        {
            return RefusedCreate("CREATE", temporary: true);
        }

        if (c.IsWord("TABLE"))
        {
            return CreateTable(orReplace);
        }

        if (c.IsWord("VIEW"))
        {
            return CreateView(orReplace);
        }

        if (c.IsAnyWord("SCHEMA", "DATABASE", "NAMESPACE"))
        {
            return orReplace ? throw c.NotSupported("CREATE OR REPLACE " + c.Current.Text.ToUpperInvariant()) : CreateDatabase();
        }

        return RefusedCreate("CREATE", temporary: false);
    }

    private CreateTableStatement CreateTable(bool orReplace)
    {
        c.ExpectWord("TABLE");
        var ifNotExists = IfNotExists(orReplace);
        var name = c.QualifiedName();
        IReadOnlyList<ColumnDefinition> columns = c.IsSymbol("(") && !AtQueryStart(1) ? ColumnList() : [];
        IReadOnlyList<PartitionTerm> partitionBy = [];
        IReadOnlyDictionary<string, string> properties = new Dictionary<string, string>();
        string? comment = null;
        string? location = null;
        TextSpan? querySpan = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!c.AtEnd)
        {
            var clause = c.Current;
            var key = clause.Text.ToUpperInvariant() is "WITH" or "TBLPROPERTIES" ? "PROPERTIES" : clause.Text.ToUpperInvariant();
            if (clause.Kind != SqlTokenKind.Word || !seen.Add(key))
            {
                throw c.Error();
            }

            switch (key)
            {
                case "USING":
                    c.Index++;
                    if (!c.IsWord("ICEBERG"))
                    {
                        throw c.IsIdentifier() ? c.NotSupported($"the table format {c.Current.Text} (only USING iceberg)") : c.Error();
                    }

                    c.Index++;
                    break;
                case "PARTITIONED":
                    c.Index++;
                    c.ExpectWord("BY");
                    partitionBy = PartitionTerms();
                    break;
                case "COMMENT":
                    c.Index++;
                    comment = c.StringLiteral();
                    break;
                case "LOCATION":
                    c.Index++;
                    location = c.StringLiteral();
                    break;
                case "PROPERTIES":
                    c.Index++;
                    properties = Properties();
                    break;
                case "AS":
                    if (columns.Count > 0)
                    {
                        throw c.NotSupported("a column list together with AS query");
                    }

                    c.Index++;
                    querySpan = QueryToEnd();
                    break;
                default:
                    throw c.Error();
            }
        }

        if (columns.Count == 0 && querySpan is null)
        {
            throw c.Error();
        }

        return new CreateTableStatement(name, orReplace, ifNotExists, columns, partitionBy, properties, comment, location, querySpan);
    }

    private CreateViewStatement CreateView(bool orReplace)
    {
        c.ExpectWord("VIEW");
        var ifNotExists = IfNotExists(orReplace);
        var name = c.QualifiedName();
        var aliases = new List<string>();
        if (c.IsSymbol("(") && !AtQueryStart(1))
        {
            c.Index++;
            do
            {
                aliases.Add(c.Identifier());
                if (c.IsWord("COMMENT"))
                {
                    throw c.NotSupported("a comment on a view column");
                }
            }
            while (c.AcceptSymbol(","));

            c.ExpectSymbol(")");
        }

        string? comment = null;
        IReadOnlyDictionary<string, string> properties = new Dictionary<string, string>();
        while (!c.IsWord("AS"))
        {
            if (c.IsWord("COMMENT") && comment is null)
            {
                c.Index++;
                comment = c.StringLiteral();
            }
            else if (c.IsWord("TBLPROPERTIES") && properties.Count == 0)
            {
                c.Index++;
                properties = Properties();
            }
            else
            {
                throw c.Error();
            }
        }

        c.ExpectWord("AS");
        return new CreateViewStatement(name, orReplace, ifNotExists, aliases, comment, properties, QueryToEnd());
    }

    private CreateDatabaseStatement CreateDatabase()
    {
        c.Index++;
        var ifNotExists = c.AcceptWords("IF", "NOT", "EXISTS");
        var name = c.QualifiedName(maxParts: 2, allowReserved: true);
        string? comment = null;
        string? location = null;
        IReadOnlyDictionary<string, string>? properties = null;
        while (!c.AtEnd)
        {
            if (c.IsWord("COMMENT") && comment is null)
            {
                c.Index++;
                comment = c.StringLiteral();
            }
            else if (c.IsWord("LOCATION") && location is null)
            {
                c.Index++;
                location = c.StringLiteral();
            }
            else if (c.IsWord("WITH") && (c.IsWord("DBPROPERTIES", 1) || c.IsWord("PROPERTIES", 1)) && properties is null)
            {
                c.Index += 2;
                properties = Properties();
            }
            else
            {
                throw c.Error();
            }
        }

        return new CreateDatabaseStatement(name, ifNotExists, comment, location, properties ?? new Dictionary<string, string>());
    }

    private bool IfNotExists(bool orReplace)
    {
        var ifNotExists = c.IsWord("IF") && c.IsWord("NOT", 1) && c.IsWord("EXISTS", 2);
        if (ifNotExists && orReplace)
        {
            throw new SqlSyntaxException("OR REPLACE and IF NOT EXISTS cannot be used together", c.Current.Start);
        }

        c.AcceptWords("IF", "NOT", "EXISTS");
        return ifNotExists;
    }

    /// <summary><c>(key [=] value, …)</c>: keys are words, dotted words, quoted identifiers or strings; values keep their text without quotes.</summary>
    private Dictionary<string, string> Properties()
    {
        c.ExpectSymbol("(");
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (c.AcceptSymbol(")"))
        {
            return properties;
        }

        do
        {
            var keyToken = c.Current;
            var key = PropertyKey();
            c.AcceptSymbol("=");
            if (!properties.TryAdd(key, PropertyValue()))
            {
                throw new SqlSyntaxException($"duplicate property \"{key}\"", keyToken.Start);
            }
        }
        while (c.AcceptSymbol(","));

        c.ExpectSymbol(")");
        return properties;
    }

    private List<string> PropertyKeys()
    {
        c.ExpectSymbol("(");
        var keys = new List<string>();
        do
        {
            keys.Add(PropertyKey());
        }
        while (c.AcceptSymbol(","));

        c.ExpectSymbol(")");
        return keys;
    }

    private string PropertyKey()
    {
        if (c.Has(0) && c.Current.Kind == SqlTokenKind.String)
        {
            return c.StringLiteral();
        }

        if (!c.Has(0) || !c.Current.IsIdentifier)
        {
            throw c.Error();
        }

        var parts = new List<string> { c.Current.Value };
        c.Index++;
        while (c.IsSymbol(".") && c.Has(1) && c.Peek(1).IsIdentifier)
        {
            parts.Add(c.Peek(1).Value);
            c.Index += 2;
        }

        return string.Join('.', parts);
    }

    private string PropertyValue()
    {
        var negative = c.IsSymbol("-") && c.Has(1) && c.Peek(1).Kind == SqlTokenKind.Number;
        if (negative)
        {
            c.Index++;
        }

        if (!c.Has(0) || c.Current.Kind is not (SqlTokenKind.String or SqlTokenKind.Number or SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
            || (negative && c.Current.Kind != SqlTokenKind.Number))
        {
            throw c.Error();
        }

        var value = c.Current.Value;
        c.Index++;
        return negative ? "-" + value : value;
    }
}

using System.Globalization;
using Dapper;

namespace Iomete.Functions.Identity.Scim;

public enum ScimColumnKind
{
    /// <summary>Text compared without case (caseExact false).</summary>
    Text,
    /// <summary>Text compared exactly (id, externalId).</summary>
    ExactText,
    /// <summary>A boolean SQL expression (active).</summary>
    Boolean,
    /// <summary>UTC epoch milliseconds, compared with an xsd:dateTime value.</summary>
    Instant,
    /// <summary>A membership test: <see cref="ScimColumn.Sql"/> holds <c>{0}</c> where the compared id goes; eq only.</summary>
    Member,
}

public sealed record ScimColumn(string Sql, ScimColumnKind Kind);

/// <summary>Turns a filter into a parameterized SQL condition that runs on SQLite and PostgreSQL; values are never inlined.</summary>
internal sealed class ScimSqlFilter(IReadOnlyDictionary<string, ScimColumn> columns)
{
    private readonly DynamicParameters _args = new();
    private int _next;

    public DynamicParameters Args => _args;

    public string Translate(ScimFilter filter, string prefix = "") => filter switch
    {
        ScimAnd a => $"({Translate(a.Left, prefix)} AND {Translate(a.Right, prefix)})",
        ScimOr o => $"({Translate(o.Left, prefix)} OR {Translate(o.Right, prefix)})",
        ScimNot n => $"(NOT COALESCE({Translate(n.Inner, prefix)}, 1 = 0))",
        ScimValuePath v when prefix.Length == 0 => Translate(v.Filter, v.Attribute + "."),
        ScimPresent p => Present(Column(prefix + p.Attribute)),
        ScimCompare c => Compare(Column(prefix + c.Attribute), c),
        _ => throw ScimException.InvalidFilter("Nested value filters are not supported."),
    };

    private ScimColumn Column(string attribute)
    {
        if (columns.TryGetValue(attribute, out var column))
        {
            return column;
        }
        throw ScimException.InvalidFilter($"Filtering on '{attribute}' is not supported; supported: {string.Join(", ", columns.Keys)}.");
    }

    private static string Present(ScimColumn column) => column.Kind switch
    {
        ScimColumnKind.Member => throw ScimException.InvalidFilter("'members pr' is not supported."),
        ScimColumnKind.Boolean => "(1 = 1)",
        ScimColumnKind.Instant => $"({column.Sql} IS NOT NULL)",
        _ => $"({column.Sql} IS NOT NULL AND {column.Sql} <> '')",
    };

    private string Compare(ScimColumn column, ScimCompare c)
    {
        if (c.Value is null)
        {
            return c.Operator switch
            {
                "eq" => $"({column.Sql} IS NULL)",
                "ne" => $"({column.Sql} IS NOT NULL)",
                _ => throw ScimException.InvalidFilter($"'{c.Operator}' cannot compare with null."),
            };
        }
        return column.Kind switch
        {
            ScimColumnKind.Member when c.Operator == "eq" && c.Value is string id => "(" + string.Format(CultureInfo.InvariantCulture, column.Sql, Add(id)) + ")",
            ScimColumnKind.Member => throw ScimException.InvalidFilter($"'{c.Attribute}' supports only eq with a member id."),
            ScimColumnKind.Boolean => BooleanCompare(column, c),
            ScimColumnKind.Instant => InstantCompare(column, c),
            _ => TextCompare(column, c),
        };
    }

    private static string BooleanCompare(ScimColumn column, ScimCompare c)
    {
        if (c.Value is not bool value || c.Operator is not ("eq" or "ne"))
        {
            throw ScimException.InvalidFilter($"'{c.Attribute}' is a boolean: use eq or ne with true or false.");
        }
        return value == (c.Operator == "eq") ? $"({column.Sql})" : $"(NOT ({column.Sql}))";
    }

    private string InstantCompare(ScimColumn column, ScimCompare c)
    {
        if (c.Value is not string text || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            throw ScimException.InvalidFilter($"'{c.Attribute}' needs a date-time string, e.g. \"2026-01-01T00:00:00Z\".");
        }
        var op = SqlOperator(c) ?? throw ScimException.InvalidFilter($"'{c.Operator}' does not apply to the date-time '{c.Attribute}'.");
        return $"({column.Sql} {op} {Add(at.ToUnixTimeMilliseconds())})";
    }

    private string TextCompare(ScimColumn column, ScimCompare c)
    {
        if (c.Value is not string value)
        {
            throw ScimException.InvalidFilter($"'{c.Attribute}' needs a string value in double quotes.");
        }
        var exact = column.Kind == ScimColumnKind.ExactText;
        var target = exact ? column.Sql : $"lower({column.Sql})";
        value = exact ? value : value.ToLowerInvariant();
        if (c.Operator is "co" or "sw" or "ew")
        {
            var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            var pattern = c.Operator switch { "co" => $"%{escaped}%", "sw" => $"{escaped}%", _ => $"%{escaped}" };
            return $"({target} LIKE {Add(pattern)} ESCAPE '\\')";
        }
        if (c.Operator == "ne")
        {
            return $"({column.Sql} IS NULL OR {target} <> {Add(value)})";
        }
        return $"({target} {SqlOperator(c)} {Add(value)})";
    }

    private static string? SqlOperator(ScimCompare c) => c.Operator switch
    {
        "eq" => "=",
        "ne" => "<>",
        "gt" => ">",
        "ge" => ">=",
        "lt" => "<",
        "le" => "<=",
        _ => null,
    };

    private string Add(object value)
    {
        var name = "f" + _next++.ToString(CultureInfo.InvariantCulture);
        _args.Add(name, value);
        return "@" + name;
    }
}

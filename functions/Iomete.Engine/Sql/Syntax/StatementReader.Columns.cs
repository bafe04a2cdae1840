using System.Globalization;

namespace Iomete.Engine.Sql.Syntax;

internal sealed partial class StatementReader
{
    // Words that end a column's type at depth 0 (its constraints, ALTER's USING, Spark's FIRST/AFTER).
    private static readonly string[] TypeEnds =
    [
        "NOT", "NULL", "DEFAULT", "COMMENT", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "COLLATE", "GENERATED",
        "CONSTRAINT", "AS", "USING", "FIRST", "AFTER",
    ];

    private static readonly string[] Unsupported = ["PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "COLLATE", "GENERATED", "CONSTRAINT", "AS", "FIRST", "AFTER"];

    /// <summary><c>name type [NOT NULL|NULL] [DEFAULT expr] [COMMENT 'c']</c>; the name may be a path where <paramref name="allowPath"/>.</summary>
    private ColumnDefinition ColumnDefinition(bool allowPath)
    {
        var path = allowPath ? c.Path() : [c.Identifier()];
        var typeText = TypeText();
        var notNull = false;
        string? comment = null;
        TextSpan? defaultSpan = null;
        while (!c.AtEnd && !c.IsSymbol(",") && !c.IsSymbol(")"))
        {
            if (c.AcceptWords("NOT", "NULL"))
            {
                notNull = true;
            }
            else if (c.AcceptWord("NULL"))
            {
                notNull = false;
            }
            else if (c.IsWord("DEFAULT") && defaultSpan is null)
            {
                c.Index++;
                var start = c.Index;
                c.SkipUntil(cursor => cursor.Index > start && EndsDefault(cursor));
                defaultSpan = c.Index > start ? c.SpanOf(start, c.Index) : throw c.Error();
            }
            else if (c.IsWord("COMMENT") && comment is null)
            {
                c.Index++;
                comment = c.StringLiteral();
            }
            else if (c.IsAnyWord(Unsupported))
            {
                throw c.NotSupported($"the column option {c.Current.Text.ToUpperInvariant()}");
            }
            else
            {
                throw c.Error();
            }
        }

        return new ColumnDefinition(path[^1], typeText, notNull, comment, defaultSpan) { Parent = [.. path.Take(path.Count - 1)] };
    }

    private static bool EndsDefault(TokenCursor cursor) =>
        cursor.IsSymbol(",") || cursor.IsSymbol(")") || cursor.IsWord("NULL") || (cursor.IsWord("NOT") && cursor.IsWord("NULL", 1))
        || cursor.IsWord("COMMENT") || cursor.IsAnyWord(Unsupported);

    /// <summary>A type as written: words, parenthesized arguments, <c>[]</c>, and Spark's angle brackets (<c>ARRAY&lt;STRUCT&lt;a:INT&gt;&gt;</c>).</summary>
    private string TypeText()
    {
        var start = c.Index;
        if (!c.Has(0) || c.Current.Kind != SqlTokenKind.Word && c.Current.Kind != SqlTokenKind.QuotedIdentifier)
        {
            throw c.Error();
        }

        var angles = 0;
        var brackets = 0;
        while (!c.AtEnd)
        {
            var token = c.Current;
            var nested = angles > 0 || brackets > 0;
            if (!nested && c.Index > start && (token.IsSymbol(",") || c.IsAnyWord(TypeEnds)))
            {
                break;
            }

            if (!nested && c.Index > start && (c.IsWord("WITH") || c.IsWord("WITHOUT")))
            {
                if (!c.IsWord("TIME", 1) || !c.IsWord("ZONE", 2))
                {
                    break;
                }

                c.Index += 3;
                continue;
            }

            if (token.IsSymbol("(") || token.IsSymbol("["))
            {
                brackets++;
            }
            else if (token.IsSymbol(")") || token.IsSymbol("]"))
            {
                if (brackets == 0)
                {
                    break;
                }

                brackets--;
            }
            else if (token.Kind == SqlTokenKind.Symbol && token.Text.All(ch => ch is '<' or '>'))
            {
                angles += token.Text.Count(ch => ch == '<') - token.Text.Count(ch => ch == '>');
                if (angles < 0)
                {
                    throw c.Error();
                }
            }

            c.Index++;
        }

        if (angles != 0 || brackets != 0)
        {
            throw c.Error();
        }

        return SqlText.Cut(c.Text, c.SpanOf(start, c.Index));
    }

    private List<ColumnDefinition> ColumnList()
    {
        c.ExpectSymbol("(");
        var columns = new List<ColumnDefinition>();
        do
        {
            if (c.IsAnyWord("PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "CONSTRAINT"))
            {
                throw c.NotSupported($"the table constraint {c.Current.Text.ToUpperInvariant()}");
            }

            columns.Add(ColumnDefinition(allowPath: false));
        }
        while (c.AcceptSymbol(","));

        c.ExpectSymbol(")");
        return columns;
    }

    /// <summary>
    /// <c>col</c>, <c>bucket(n, col)</c>, <c>truncate(w, col)</c> or <c>truncate(col, w)</c>, <c>year|years|month|months|
    /// day|days|date|hour|hours|identity|void(col)</c>.
    /// </summary>
    private PartitionTerm PartitionTerm()
    {
        if (c.Current.Kind != SqlTokenKind.Word || !c.IsSymbol("(", 1))
        {
            return new PartitionTerm("identity", c.Path(), null);
        }

        var function = c.Current;
        var transform = function.Text.ToLowerInvariant() switch
        {
            "identity" => "identity",
            "bucket" => "bucket",
            "truncate" => "truncate",
            "year" or "years" => "year",
            "month" or "months" => "month",
            "day" or "days" or "date" => "day",
            "hour" or "hours" => "hour",
            "void" => "void",
            _ => throw new Sessions.SqlSyntaxException($"unknown partition transform \"{function.Text}\"", function.Start),
        };
        c.Index += 2;
        IReadOnlyList<string> column;
        int? parameter = null;
        if (transform == "bucket" || (transform == "truncate" && c.Current.Kind == SqlTokenKind.Number))
        {
            parameter = Integer();
            c.ExpectSymbol(",");
            column = c.Path();
        }
        else
        {
            column = c.Path();
            if (transform == "truncate")
            {
                c.ExpectSymbol(",");
                parameter = Integer();
            }
        }

        c.ExpectSymbol(")");
        return new PartitionTerm(transform, column, parameter);
    }

    private List<PartitionTerm> PartitionTerms()
    {
        c.ExpectSymbol("(");
        var terms = new List<PartitionTerm>();
        do
        {
            terms.Add(PartitionTerm());
        }
        while (c.AcceptSymbol(","));

        c.ExpectSymbol(")");
        return terms;
    }

    private int Integer()
    {
        if (c.Has(0) && c.Current.Kind == SqlTokenKind.Number
            && int.TryParse(c.Current.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            c.Index++;
            return value;
        }

        throw c.Error();
    }
}

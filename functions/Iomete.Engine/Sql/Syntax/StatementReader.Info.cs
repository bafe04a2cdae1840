namespace Iomete.Engine.Sql.Syntax;

internal sealed partial class StatementReader
{
    private SqlStatement Show()
    {
        c.ExpectWord("SHOW");
        if (c.AcceptWord("CATALOGS"))
        {
            return new ShowStatement(ShowKind.Catalogs, null, Like());
        }

        if (c.AcceptWord("DATABASES") || c.AcceptWord("SCHEMAS") || c.AcceptWord("NAMESPACES"))
        {
            return new ShowStatement(ShowKind.Databases, OptionalIn(maxParts: 1), Like());
        }

        if (c.AcceptWord("TABLES"))
        {
            return new ShowStatement(ShowKind.Tables, OptionalIn(maxParts: 2), Like());
        }

        if (c.AcceptWord("VIEWS"))
        {
            return new ShowStatement(ShowKind.Views, OptionalIn(maxParts: 2), Like());
        }

        if (c.AcceptWord("COLUMNS"))
        {
            return new ShowStatement(ShowKind.Columns, RequiredIn(), null);
        }

        if (c.AcceptWords("CREATE", "TABLE"))
        {
            return new ShowStatement(ShowKind.CreateTable, c.QualifiedName(), null);
        }

        if (c.AcceptWord("TBLPROPERTIES"))
        {
            return new ShowStatement(ShowKind.TblProperties, c.QualifiedName(), null);
        }

        if (c.AcceptWord("SNAPSHOTS"))
        {
            return new ShowStatement(ShowKind.Snapshots, RequiredIn(), null);
        }

        return Refused("SHOW" + (c.AtEnd ? "" : " " + c.Current.Text.ToUpperInvariant()), "is not a SHOW form the engine answers");
    }

    private QualifiedName? OptionalIn(int maxParts) =>
        c.AcceptWord("FROM") || c.AcceptWord("IN") ? c.QualifiedName(maxParts, allowReserved: true) : null;

    private QualifiedName RequiredIn()
    {
        if (!c.AcceptWord("FROM") && !c.AcceptWord("IN"))
        {
            throw c.Error();
        }

        return c.QualifiedName();
    }

    private string? Like() => c.AcceptWord("LIKE") ? c.StringLiteral() : null;

    private DescribeStatement Describe()
    {
        c.Index++;
        if (c.IsWord("HISTORY") && c.Has(1) && c.Peek(1).IsIdentifier)
        {
            c.Index++;
            return new DescribeStatement(c.QualifiedName(), Extended: false, QuerySpan: null, History: true);
        }

        if (c.AcceptWord("QUERY") || (AtQueryStart() && !c.IsWord("TABLE")))
        {
            return new DescribeStatement(null, Extended: false, QueryToEnd(), History: false);
        }

        c.AcceptWord("TABLE");
        var extended = c.AcceptWord("EXTENDED") || c.AcceptWord("FORMATTED");
        return new DescribeStatement(c.QualifiedName(), extended, QuerySpan: null, History: false);
    }

    private UseStatement Use()
    {
        c.ExpectWord("USE");
        if (c.AcceptWord("CATALOG"))
        {
            return new UseStatement(c.QualifiedName(maxParts: 1, allowReserved: true), UseScope.Catalog);
        }

        var scope = c.AcceptWord("DATABASE") || c.AcceptWord("SCHEMA") || c.AcceptWord("NAMESPACE") ? UseScope.Database : UseScope.Unspecified;
        return new UseStatement(c.QualifiedName(maxParts: 2, allowReserved: true), scope);
    }
}

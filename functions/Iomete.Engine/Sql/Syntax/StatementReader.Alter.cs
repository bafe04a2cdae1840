namespace Iomete.Engine.Sql.Syntax;

internal sealed partial class StatementReader
{
    private SqlStatement Drop()
    {
        c.ExpectWord("DROP");
        if (c.AcceptWord("TABLE"))
        {
            var ifExists = c.AcceptWords("IF", "EXISTS");
            var name = c.QualifiedName();
            var purge = c.AcceptWord("PURGE") || c.AcceptWord("CASCADE");
            if (!purge)
            {
                c.AcceptWord("RESTRICT");
            }

            return new DropTableStatement(name, ifExists, purge);
        }

        if (c.AcceptWord("VIEW"))
        {
            var ifExists = c.AcceptWords("IF", "EXISTS");
            return new DropViewStatement(c.QualifiedName(), ifExists);
        }

        if (c.AcceptWord("SCHEMA") || c.AcceptWord("DATABASE") || c.AcceptWord("NAMESPACE"))
        {
            var ifExists = c.AcceptWords("IF", "EXISTS");
            var name = c.QualifiedName(maxParts: 2, allowReserved: true);
            var cascade = c.AcceptWord("CASCADE");
            if (!cascade)
            {
                c.AcceptWord("RESTRICT");
            }

            return new DropDatabaseStatement(name, ifExists, cascade);
        }

        return RefusedCreate("DROP", temporary: false);
    }

    private SqlStatement Alter()
    {
        c.ExpectWord("ALTER");
        if (!c.AcceptWord("TABLE"))
        {
            return Refused("ALTER " + (c.AtEnd ? "" : c.Current.Text.ToUpperInvariant()), "only ALTER TABLE is supported");
        }

        if (c.IsWord("IF") && c.IsWord("EXISTS", 1))
        {
            throw c.NotSupported("ALTER TABLE IF EXISTS");
        }

        var name = c.QualifiedName();
        return new AlterTableStatement(name, AlterAction());
    }

    private AlterAction AlterAction()
    {
        if (c.AcceptWord("ADD"))
        {
            return AlterAdd();
        }

        if (c.AcceptWord("DROP"))
        {
            if (c.AcceptWords("PARTITION", "FIELD"))
            {
                return new DropPartitionField(PartitionTerm());
            }

            c.AcceptWord("COLUMN");
            var ifExists = c.AcceptWords("IF", "EXISTS");
            var path = c.Path();
            if (c.IsWord("CASCADE"))
            {
                throw c.NotSupported("DROP COLUMN … CASCADE");
            }

            c.AcceptWord("RESTRICT");
            return new DropColumn(path, ifExists);
        }

        if (c.AcceptWord("RENAME"))
        {
            if (c.AcceptWord("TO"))
            {
                return new RenameTable(c.QualifiedName());
            }

            c.AcceptWord("COLUMN");
            var path = c.Path();
            c.ExpectWord("TO");
            return new RenameColumn(path, c.Identifier());
        }

        if (c.AcceptWord("ALTER"))
        {
            c.AcceptWord("COLUMN");
            return AlterColumn(c.Path());
        }

        if (c.AcceptWord("SET"))
        {
            if (c.AcceptWords("PARTITIONED", "BY"))
            {
                return new SetPartitioning(PartitionTerms());
            }

            if (c.IsWord("LOCATION"))
            {
                throw c.NotSupported("SET LOCATION");
            }

            c.AcceptWord("TBLPROPERTIES");
            return new SetProperties(Properties());
        }

        if (c.AcceptWord("RESET"))
        {
            return c.AcceptWords("PARTITIONED", "BY") ? new ResetPartitioning() : new UnsetProperties(PropertyKeys(), IfExists: false);
        }

        if (c.AcceptWords("UNSET", "TBLPROPERTIES"))
        {
            var ifExists = c.AcceptWords("IF", "EXISTS");
            return new UnsetProperties(PropertyKeys(), ifExists);
        }

        throw c.Error();
    }

    private AlterAction AlterAdd()
    {
        if (c.AcceptWords("PARTITION", "FIELD"))
        {
            var term = PartitionTerm();
            return c.IsWord("AS") ? throw c.NotSupported("a named partition field (ADD PARTITION FIELD … AS)") : new AddPartitionField(term);
        }

        if (c.IsAnyWord("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"))
        {
            throw c.NotSupported($"the table constraint {c.Current.Text.ToUpperInvariant()}");
        }

        // DuckDB: ADD [COLUMN] [IF NOT EXISTS] c t. Spark: ADD COLUMN|COLUMNS (a t, b t) or a t, b t.
        var several = c.AcceptWord("COLUMNS");
        if (!several)
        {
            c.AcceptWord("COLUMN");
        }

        var ifNotExists = c.AcceptWords("IF", "NOT", "EXISTS");
        var parenthesized = c.AcceptSymbol("(");
        var columns = new List<ColumnDefinition>();
        do
        {
            columns.Add(ColumnDefinition(allowPath: true));
        }
        while (c.AcceptSymbol(","));

        if (parenthesized)
        {
            c.ExpectSymbol(")");
        }

        return new AddColumns(columns, ifNotExists);
    }

    private AlterAction AlterColumn(IReadOnlyList<string> path)
    {
        if (c.AcceptWords("SET", "NOT", "NULL"))
        {
            return new SetColumnNullability(path, NotNull: true);
        }

        if (c.AcceptWords("DROP", "NOT", "NULL"))
        {
            return new SetColumnNullability(path, NotNull: false);
        }

        if (c.AcceptWords("SET", "DATA", "TYPE") || c.AcceptWord("TYPE"))
        {
            var type = TypeText();
            if (c.IsWord("USING"))
            {
                throw c.NotSupported("ALTER COLUMN … TYPE … USING");
            }

            return new AlterColumnType(path, type);
        }

        if (c.IsAnyWord("SET", "DROP", "COMMENT", "FIRST", "AFTER"))
        {
            var what = c.Current.Text.ToUpperInvariant();
            if (what is "SET" or "DROP" && c.Has(1))
            {
                what += " " + c.Peek(1).Text.ToUpperInvariant();
            }

            throw c.NotSupported("ALTER COLUMN … " + what);
        }

        throw c.Error();
    }
}

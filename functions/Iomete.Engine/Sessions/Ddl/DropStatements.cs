using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions.Statements;
using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Sessions.Ddl;

/// <summary>DROP TABLE [PURGE], DROP VIEW, DROP DATABASE [CASCADE] through the catalog.</summary>
internal static class DropStatements
{
    public static async Task<StatementResult> DropTableAsync(StatementContext context, DropTableStatement statement, CancellationToken ct)
    {
        var ident = context.Qualify(statement.Name);
        try
        {
            await context.Catalog.DropTableAsync(ident, statement.Purge, ct);
        }
        catch (CatalogNotFoundException) when (statement.IfExists)
        {
            return new StatementResult(StatementKind.DropTable, null, $"Table {ident} does not exist");
        }
        catch (CatalogNotFoundException e)
        {
            throw new SqlObjectNotFoundException($"Table '{ident}' does not exist", e);
        }
        await context.Mirror.ForgetAsync(ident, ct);
        return new StatementResult(StatementKind.DropTable, null, $"Dropped table {ident}{(statement.Purge ? " and its files" : "")}");
    }

    public static async Task<StatementResult> DropViewAsync(StatementContext context, DropViewStatement statement, CancellationToken ct)
    {
        var ident = context.Qualify(statement.Name);
        try
        {
            await context.Catalog.DropViewAsync(ident, ct);
        }
        catch (CatalogNotFoundException) when (statement.IfExists)
        {
            return new StatementResult(StatementKind.DropView, null, $"View {ident} does not exist");
        }
        catch (CatalogNotFoundException e)
        {
            throw new SqlObjectNotFoundException($"View '{ident}' does not exist", e);
        }
        await context.Mirror.ForgetAsync(ident, ct);
        return new StatementResult(StatementKind.DropView, null, $"Dropped view {ident}");
    }

    public static async Task<StatementResult> DropDatabaseAsync(StatementContext context, DropDatabaseStatement statement, CancellationToken ct)
    {
        var (catalog, database) = context.Names.QualifyDatabase(statement.Name.Parts);
        if (!await context.Catalog.DatabaseExistsAsync(catalog, database, ct))
        {
            return statement.IfExists
                ? new StatementResult(StatementKind.DropDatabase, null, $"Database {catalog}.{database} does not exist")
                : throw new SqlObjectNotFoundException($"Database '{catalog}.{database}' does not exist");
        }
        if (statement.Cascade)
        {
            foreach (var view in await context.Catalog.ListViewsAsync(catalog, database, ct))
            {
                await context.Catalog.DropViewAsync(new TableIdent(catalog, database, view), ct);
            }
            foreach (var table in await context.Catalog.ListTablesAsync(catalog, database, ct))
            {
                await context.Catalog.DropTableAsync(new TableIdent(catalog, database, table), purge: true, ct);
            }
        }
        try
        {
            await context.Catalog.DropDatabaseAsync(catalog, database, ct);
        }
        catch (CatalogRequestException e)
        {
            throw new SqlInvalidException($"Database '{catalog}.{database}' is not empty: drop its tables and views first, or use DROP DATABASE … CASCADE ({e.Message})", e);
        }
        await context.Mirror.ForgetViewsAsync(ct);
        return new StatementResult(StatementKind.DropDatabase, null, $"Dropped database {catalog}.{database}");
    }
}

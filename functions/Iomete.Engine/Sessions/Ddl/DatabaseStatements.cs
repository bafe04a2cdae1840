using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions.Mirror;
using Iomete.Engine.Sessions.Statements;
using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Sessions.Ddl;

/// <summary>CREATE DATABASE / SCHEMA / NAMESPACE and USE.</summary>
internal static class DatabaseStatements
{
    public static async Task<StatementResult> CreateAsync(StatementContext context, CreateDatabaseStatement statement, CancellationToken ct)
    {
        var (catalog, database) = context.Names.QualifyDatabase(statement.Name.Parts);
        var properties = new Dictionary<string, string>(statement.Properties, StringComparer.Ordinal);
        if (statement.Comment is { } comment)
        {
            properties["comment"] = comment;
        }
        if (statement.Location is { } location)
        {
            properties["location"] = location;
        }
        try
        {
            await context.Catalog.CreateDatabaseAsync(catalog, database, properties, ct);
        }
        catch (CatalogAlreadyExistsException) when (statement.IfNotExists)
        {
            return new StatementResult(StatementKind.CreateDatabase, null, $"Database {catalog}.{database} already exists");
        }
        catch (CatalogAlreadyExistsException e)
        {
            throw new SqlInvalidException($"Database '{catalog}.{database}' already exists", e);
        }
        catch (CatalogNotFoundException e)
        {
            throw new SqlObjectNotFoundException($"Catalog '{catalog}' does not exist", e);
        }
        return new StatementResult(StatementKind.CreateDatabase, null, $"Created database {catalog}.{database}");
    }

    public static async Task<StatementResult> UseAsync(StatementContext context, UseStatement statement, CancellationToken ct)
    {
        var parts = statement.Name.Parts;
        var catalogs = await context.Catalog.ListCatalogsAsync(ct);
        NameContext next;
        if (statement.Scope == UseScope.Catalog || (statement.Scope == UseScope.Unspecified && parts.Count == 1 && catalogs.Contains(parts[0], StringComparer.Ordinal)
            && !(context.Names.Catalog is { } current && await context.Catalog.DatabaseExistsAsync(current, parts[0], ct))))
        {
            if (parts.Count != 1 || !catalogs.Contains(parts[0], StringComparer.Ordinal))
            {
                throw new SqlObjectNotFoundException($"Catalog '{string.Join('.', parts)}' does not exist");
            }
            next = new NameContext(parts[0], null);
        }
        else
        {
            var (catalog, database) = context.Names.QualifyDatabase(parts);
            if (!catalogs.Contains(catalog, StringComparer.Ordinal))
            {
                throw new SqlObjectNotFoundException($"Catalog '{catalog}' does not exist");
            }
            if (!await context.Catalog.DatabaseExistsAsync(catalog, database, ct))
            {
                throw new SqlObjectNotFoundException($"Database '{catalog}.{database}' does not exist");
            }
            next = new NameContext(catalog, database);
        }
        context.Names = next;
        return new StatementResult(StatementKind.Use, null, $"Using {next.Catalog}{(next.Database is null ? "" : "." + next.Database)}");
    }
}

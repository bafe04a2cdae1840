using Iomete.Engine.Catalogs;

namespace Iomete.Engine.Sessions.Mirror;

/// <summary>Where unqualified names resolve: the current catalog and database (of the session, or of a view's definition).</summary>
internal sealed record NameContext(string? Catalog, string? Database)
{
    /// <summary>
    /// <c>t</c> → current catalog and database; <c>db.t</c> → current catalog; <c>cat.db.t</c> as written (Spark's rules,
    /// single-level databases).
    /// </summary>
    public TableIdent Qualify(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Count switch
        {
            1 => new TableIdent(RequireCatalog(), Database ?? throw new SqlInvalidException($"No current database: qualify '{parts[0]}' as database.table or run USE <database>"), parts[0]),
            2 => new TableIdent(RequireCatalog(), parts[0], parts[1]),
            3 => new TableIdent(parts[0], parts[1], parts[2]),
            _ => throw new SqlInvalidException($"'{string.Join('.', parts)}' has more than three parts: names are catalog.database.table"),
        };
    }

    /// <summary>A database name: <c>db</c> in the current catalog, or <c>cat.db</c>.</summary>
    public (string Catalog, string Database) QualifyDatabase(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Count switch
        {
            1 => (RequireCatalog(), parts[0]),
            2 => (parts[0], parts[1]),
            _ => throw new SqlInvalidException($"'{string.Join('.', parts)}' is not a database name: databases are catalog.database"),
        };
    }

    public string RequireCatalog() =>
        Catalog ?? throw new SqlInvalidException("No current catalog: qualify names as catalog.database.table or run USE <catalog>.<database>");
}

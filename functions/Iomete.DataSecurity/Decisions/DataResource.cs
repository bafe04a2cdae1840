namespace Iomete.DataSecurity.Decisions;

/// <summary>
/// What a data-access question is about, shaped like IOMETE's policies: a database is named
/// <c>catalog.database</c>; a null level means the question is about the level above it
/// (e.g. only <see cref="Catalog"/> and <see cref="Database"/> = the database itself).
/// </summary>
public sealed record DataResource(string Catalog, string? Database = null, string? Table = null, string? Column = null)
{
    /// <summary>The Ranger <c>database</c> value: <c>catalog.database</c>.</summary>
    public string? QualifiedDatabase => Database is null ? null : $"{Catalog}.{Database}";

    public override string ToString() =>
        string.Join('.', new[] { Catalog, Database, Table, Column }.Where(p => p is not null));
}

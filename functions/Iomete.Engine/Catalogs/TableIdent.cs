namespace Iomete.Engine.Catalogs;

/// <summary>A fully qualified name <c>catalog.database.name</c> of a table or view.</summary>
public sealed record TableIdent(string Catalog, string Database, string Name)
{
    public override string ToString() => $"{Catalog}.{Database}.{Name}";
}

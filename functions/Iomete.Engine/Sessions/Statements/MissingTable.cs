using DuckDB.NET.Data;

namespace Iomete.Engine.Sessions.Statements;

/// <summary>
/// What DuckDB's binder could not find while binding a statement the engine cannot take apart itself (row changes):
/// <c>Table with name X does not exist!</c>, <c>Table with name "s.X" does not exist because schema "s" does not
/// exist.</c>, <c>Catalog "c" does not exist!</c>. The session then defines the missing name and binds again.
/// </summary>
internal sealed record MissingTable(string? Catalog, string? Schema, string? Name)
{
    public static MissingTable? From(DuckDBException error)
    {
        var message = error.Message;
        const string table = "Table with name ";
        var at = message.IndexOf(table, StringComparison.Ordinal);
        if (at >= 0)
        {
            var rest = message[(at + table.Length)..];
            var end = rest.IndexOf(" does not exist", StringComparison.Ordinal);
            if (end < 0)
            {
                return null;
            }
            var name = rest[..end].Trim('"');
            var dot = name.LastIndexOf('.');
            return dot < 0 ? new MissingTable(null, null, name) : new MissingTable(null, name[..dot], name[(dot + 1)..]);
        }
        const string catalog = "Catalog \"";
        at = message.IndexOf(catalog, StringComparison.Ordinal);
        if (at >= 0 && message.Contains("does not exist", StringComparison.Ordinal))
        {
            var rest = message[(at + catalog.Length)..];
            var end = rest.IndexOf('"');
            return end > 0 ? new MissingTable(rest[..end], null, null) : null;
        }
        return null;
    }
}

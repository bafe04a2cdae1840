using Iomete.Engine.Catalogs;
using Iomete.Iceberg.Schemas;

namespace Iomete.Engine.Sessions;

/// <summary>
/// The data-security hook: every table a statement reads goes through it, so a session never sees a table's rows except
/// through the relation this returns. Row filters and column masks are SQL over the table's own columns.
/// </summary>
public interface ITablePolicy
{
    /// <summary>What the caller may see of <paramref name="table"/>; <see cref="TableAccess.Denied"/> refuses the statement.</summary>
    ValueTask<TableAccess> ResolveAsync(TableIdent table, Schema schema, CancellationToken ct);
}

/// <param name="Allowed">False refuses any statement that reads the table.</param>
/// <param name="RowFilter">A boolean SQL expression over the table's columns (null = every row).</param>
/// <param name="ColumnMasks">Column name → SQL expression that replaces the column's value (same name and a castable type).</param>
public sealed record TableAccess(bool Allowed, string? RowFilter, IReadOnlyDictionary<string, string> ColumnMasks)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>Columns the caller may not see: they are not part of the table for this session (not even in <c>SELECT *</c>).</summary>
    public IReadOnlySet<string> HiddenColumns { get; init; } = None;

    /// <summary>Why the table is refused, for the error message.</summary>
    public string? Reason { get; init; }

    public bool IsRestricted => RowFilter is not null || ColumnMasks.Count > 0 || HiddenColumns.Count > 0;

    public static TableAccess Full { get; } = new(true, null, new Dictionary<string, string>());

    public static TableAccess Denied { get; } = new(false, null, new Dictionary<string, string>());
}

using Iomete.DataSecurity.Decisions;

namespace Iomete.DataSecurity.Masking;

/// <summary>
/// Turns a Ranger mask into a SQL expression for DuckDB or Spark SQL that replaces the column in a projection and keeps
/// the column's type. Both dialects give the same values; docs/policy-engine.md has the table. NULL stays NULL.
/// </summary>
public static class MaskSql
{
    private const string Upper = @"\p{Lu}";
    private const string Lower = @"\p{Ll}";
    private const string Digit = @"\p{Nd}";
    private const string LetterOrDigit = @"[\p{Lu}\p{Ll}\p{Nd}]";
    private const string AsciiDigit = "[0-9]";

    public static string Render(SqlDialect dialect, MaskColumn column, ColumnMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return Render(dialect, column, mask.MaskType, mask.ValueExpr, mask.Condition);
    }

    /// <param name="maskType">MASK, MASK_SHOW_LAST_4, MASK_SHOW_FIRST_4, MASK_HASH, MASK_NULL, MASK_NONE, MASK_DATE_SHOW_YEAR or CUSTOM.</param>
    /// <param name="valueExpr">For CUSTOM: SQL with <c>{col}</c> (and optionally <c>{type}</c>); null = NULL.</param>
    /// <param name="conditionExpr">When set, only rows where it holds are masked: <c>CASE WHEN cond THEN mask ELSE col END</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown mask type: the caller must not show the column.</exception>
    public static string Render(SqlDialect dialect, MaskColumn column, string maskType, string? valueExpr = null, string? conditionExpr = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(maskType);
        var sql = DialectSyntax.For(dialect);
        var type = column.SqlType ?? sql.DefaultType(column.Kind);
        var col = column.Reference;
        var masked = maskType.ToUpperInvariant() switch
        {
            "MASK_NONE" or "NONE" => null,
            "MASK_NULL" or "NULL" => Null(type),
            "MASK" => Redact(sql, column, type),
            "MASK_SHOW_LAST_4" => ShowFour(sql, column, type, last: true),
            "MASK_SHOW_FIRST_4" => ShowFour(sql, column, type, last: false),
            "MASK_HASH" => column.Kind == MaskValueKind.String ? sql.Sha256Hex(col) : Null(type),
            "MASK_DATE_SHOW_YEAR" => Year(sql, column, type),
            "CUSTOM" => string.IsNullOrWhiteSpace(valueExpr)
                ? Null(type)
                : Cast($"({valueExpr.Replace("{col}", col, StringComparison.Ordinal).Replace("{type}", type ?? "", StringComparison.Ordinal)})", type),
            _ => throw new ArgumentOutOfRangeException(nameof(maskType), maskType, "unknown mask type"),
        };
        if (masked is null)
        {
            return col;
        }
        return string.IsNullOrWhiteSpace(conditionExpr) ? masked : $"CASE WHEN ({conditionExpr}) THEN {masked} ELSE {col} END";
    }

    private static string Redact(DialectSyntax sql, MaskColumn column, string? type)
    {
        var col = column.Reference;
        return column.Kind switch
        {
            MaskValueKind.String => Cast(sql.ReplaceAll(sql.ReplaceAll(sql.ReplaceAll(col, Upper, "X"), Lower, "x"), Digit, "n"), type),
            MaskValueKind.Integer or MaskValueKind.Decimal => Cast(sql.ReplaceAll(sql.Text(col), AsciiDigit, "1"), type),
            MaskValueKind.Date => Constant(col, "DATE '0001-01-01'", type),
            MaskValueKind.Timestamp => Constant(col, "TIMESTAMP '0001-01-01 00:00:00'", type),
            _ => Null(type),
        };
    }

    private static string ShowFour(DialectSyntax sql, MaskColumn column, string? type, bool last)
    {
        var (text, pattern, replacement) = column.Kind switch
        {
            MaskValueKind.String => (column.Reference, LetterOrDigit, "x"),
            MaskValueKind.Integer or MaskValueKind.Decimal => (sql.Text(column.Reference), AsciiDigit, "1"),
            _ => (null, "", ""),
        };
        if (text is null)
        {
            return Null(type);
        }
        var shown = last
            ? $"{sql.ReplaceAll($"substring({text}, 1, length({text}) - 4)", pattern, replacement)} || right({text}, 4)"
            : $"left({text}, 4) || {sql.ReplaceAll($"substring({text}, 5)", pattern, replacement)}";
        return Cast($"CASE WHEN length({text}) <= 4 THEN {text} ELSE {shown} END", type);
    }

    private static string Year(DialectSyntax sql, MaskColumn column, string? type) => column.Kind switch
    {
        MaskValueKind.Date or MaskValueKind.Timestamp => Cast(sql.TruncYear(column.Reference, column.Kind), type),
        MaskValueKind.String => Cast(sql.ReplaceAll(column.Reference, LetterOrDigit, "x"), type),
        MaskValueKind.Integer or MaskValueKind.Decimal => Cast(sql.ReplaceAll(sql.Text(column.Reference), AsciiDigit, "1"), type),
        _ => Null(type),
    };

    private static string Constant(string col, string literal, string? type) =>
        $"CASE WHEN {col} IS NULL THEN {Null(type)} ELSE {Cast(literal, type)} END";

    private static string Cast(string expr, string? type) => type is null ? expr : $"CAST({expr} AS {type})";

    private static string Null(string? type) => type is null ? "NULL" : $"CAST(NULL AS {type})";
}

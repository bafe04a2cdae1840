namespace Iomete.DataSecurity.Masking;

/// <summary>The SQL engine a mask expression is written for.</summary>
public enum SqlDialect
{
    /// <summary>DuckDB, the embedded engine.</summary>
    DuckDb,

    /// <summary>Spark SQL (trusted Spark engines), with default settings (<c>spark.sql.parser.escapedStringLiterals=false</c>).</summary>
    Spark,
}

/// <summary>What kind of value a column holds; decides how a mask treats it.</summary>
public enum MaskValueKind
{
    String,
    Integer,
    Decimal,
    Date,
    Timestamp,
    Boolean,
    Binary,
    Other,
}

/// <param name="Reference">The column as SQL (already quoted/qualified by the caller), e.g. <c>"t"."ssn"</c>.</param>
/// <param name="SqlType">The column's exact SQL type (e.g. <c>INTEGER</c>, <c>DECIMAL(10,2)</c>); masks cast back to it.
/// When null a default per kind is used (see <see cref="MaskSql"/>).</param>
public sealed record MaskColumn(string Reference, MaskValueKind Kind, string? SqlType = null);

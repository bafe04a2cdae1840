namespace Iomete.DataSecurity.Masking;

/// <summary>The few functions masks need, spelled per dialect.</summary>
internal sealed class DialectSyntax
{
    public static readonly DialectSyntax DuckDb = new(SqlDialect.DuckDb);
    public static readonly DialectSyntax Spark = new(SqlDialect.Spark);

    private readonly SqlDialect _dialect;

    private DialectSyntax(SqlDialect dialect) => _dialect = dialect;

    public static DialectSyntax For(SqlDialect dialect) => dialect == SqlDialect.Spark ? Spark : DuckDb;

    private bool IsSpark => _dialect == SqlDialect.Spark;

    public string Text(string expr) => $"CAST({expr} AS {(IsSpark ? "STRING" : "VARCHAR")})";

    /// <summary>Replaces every match of a regex whose backslashes are written once (e.g. <c>\p{Lu}</c>).</summary>
    public string ReplaceAll(string expr, string regex, string replacement)
    {
        var pattern = IsSpark ? regex.Replace("\\", "\\\\", StringComparison.Ordinal) : regex;
        return IsSpark
            ? $"regexp_replace({expr}, '{pattern}', '{replacement}')"
            : $"regexp_replace({expr}, '{pattern}', '{replacement}', 'g')";
    }

    public string Sha256Hex(string expr) => IsSpark ? $"sha2({expr}, 256)" : $"sha256({expr})";

    public string TruncYear(string expr, MaskValueKind kind) => (IsSpark, kind) switch
    {
        (true, MaskValueKind.Date) => $"trunc({expr}, 'YEAR')",
        (true, _) => $"date_trunc('YEAR', {expr})",
        (false, MaskValueKind.Date) => $"CAST(date_trunc('year', {expr}) AS DATE)",
        _ => $"date_trunc('year', {expr})",
    };

    public string? DefaultType(MaskValueKind kind) => kind switch
    {
        MaskValueKind.String => IsSpark ? "STRING" : "VARCHAR",
        MaskValueKind.Integer => "BIGINT",
        MaskValueKind.Decimal => "DOUBLE",
        MaskValueKind.Date => "DATE",
        MaskValueKind.Timestamp => "TIMESTAMP",
        MaskValueKind.Boolean => "BOOLEAN",
        MaskValueKind.Binary => IsSpark ? "BINARY" : "BLOB",
        _ => null,
    };
}

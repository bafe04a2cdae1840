using Iomete.DataSecurity.Decisions;
using Iomete.DataSecurity.Masking;

namespace Iomete.DataSecurity.Tests.Masking;

/// <summary>The Spark SQL dialect's text (no Spark here): the same semantics spelled with Spark's functions.</summary>
public sealed class MaskSqlSparkTests
{
    private static readonly MaskColumn Ssn = new("`ssn`", MaskValueKind.String);

    [Fact]
    public void Mask_String_UsesRegexpReplaceWithEscapedClasses() =>
        Assert.Equal(
            @"CAST(regexp_replace(regexp_replace(regexp_replace(`ssn`, '\\p{Lu}', 'X'), '\\p{Ll}', 'x'), '\\p{Nd}', 'n') AS STRING)",
            MaskSql.Render(SqlDialect.Spark, Ssn, "MASK"));

    [Fact]
    public void ShowLast4_String_KeepsShortValuesAndTheLastFour() =>
        Assert.Equal(
            @"CAST(CASE WHEN length(`ssn`) <= 4 THEN `ssn` ELSE regexp_replace(substring(`ssn`, 1, length(`ssn`) - 4), '[\\p{Lu}\\p{Ll}\\p{Nd}]', 'x') || right(`ssn`, 4) END AS STRING)",
            MaskSql.Render(SqlDialect.Spark, Ssn, "MASK_SHOW_LAST_4"));

    [Fact]
    public void Hash_IsSha2With256Bits() =>
        Assert.Equal("sha2(`ssn`, 256)", MaskSql.Render(SqlDialect.Spark, Ssn, "MASK_HASH"));

    [Fact]
    public void Integer_Mask_CastsTheDigitsBackToTheColumnType() =>
        Assert.Equal("CAST(regexp_replace(CAST(`n` AS STRING), '[0-9]', '1') AS INT)",
            MaskSql.Render(SqlDialect.Spark, new MaskColumn("`n`", MaskValueKind.Integer, "INT"), "MASK"));

    [Fact]
    public void DateShowYear_UsesTruncForDatesAndDateTruncForTimestamps()
    {
        Assert.Equal("CAST(trunc(`d`, 'YEAR') AS DATE)", MaskSql.Render(SqlDialect.Spark, new MaskColumn("`d`", MaskValueKind.Date), "MASK_DATE_SHOW_YEAR"));
        Assert.Equal("CAST(date_trunc('YEAR', `t`) AS TIMESTAMP)", MaskSql.Render(SqlDialect.Spark, new MaskColumn("`t`", MaskValueKind.Timestamp), "MASK_DATE_SHOW_YEAR"));
    }

    [Fact]
    public void CustomWithCondition_WrapsInCase() =>
        Assert.Equal("CASE WHEN (region = 'EU') THEN CAST((concat('*', `ssn`)) AS STRING) ELSE `ssn` END",
            MaskSql.Render(SqlDialect.Spark, Ssn, new ColumnMask("CUSTOM", "concat('*', {col})", "region = 'EU'", 7)));

    [Fact]
    public void Null_IsATypedNull() =>
        Assert.Equal("CAST(NULL AS DECIMAL(10,2))", MaskSql.Render(SqlDialect.Spark, new MaskColumn("`p`", MaskValueKind.Decimal, "DECIMAL(10,2)"), "MASK_NULL"));
}

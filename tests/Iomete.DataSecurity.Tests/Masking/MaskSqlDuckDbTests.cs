using System.Globalization;
using Iomete.DataSecurity.Masking;

namespace Iomete.DataSecurity.Tests.Masking;

/// <summary>The DuckDB dialect, executed in DuckDB over every value kind.</summary>
public sealed class MaskSqlDuckDbTests(DuckDbTable db) : IClassFixture<DuckDbTable>
{
    private static readonly (string Column, MaskValueKind Kind, string Type)[] Columns =
    [
        ("s", MaskValueKind.String, "VARCHAR"),
        ("i", MaskValueKind.Integer, "INTEGER"),
        ("big", MaskValueKind.Integer, "BIGINT"),
        ("d", MaskValueKind.Decimal, "DECIMAL(10,2)"),
        ("f", MaskValueKind.Decimal, "DOUBLE"),
        ("dt", MaskValueKind.Date, "DATE"),
        ("ts", MaskValueKind.Timestamp, "TIMESTAMP"),
        ("b", MaskValueKind.Boolean, "BOOLEAN"),
        ("bin", MaskValueKind.Binary, "BLOB"),
    ];

    private static readonly string[] MaskTypes =
        ["MASK", "MASK_SHOW_LAST_4", "MASK_SHOW_FIRST_4", "MASK_HASH", "MASK_NULL", "MASK_NONE", "MASK_DATE_SHOW_YEAR", "CUSTOM"];

    public static TheoryData<string, string> EveryMaskOnEveryColumn()
    {
        var data = new TheoryData<string, string>();
        foreach (var mask in MaskTypes)
        {
            foreach (var (column, _, _) in Columns)
            {
                data.Add(mask, column);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMaskOnEveryColumn))]
    public void EveryMask_KeepsTheColumnTypeAndNull(string mask, string column)
    {
        var (_, kind, type) = Columns.Single(c => c.Column == column);
        var sql = MaskSql.Render(SqlDialect.DuckDb, new MaskColumn(column, kind, type), mask, "{col}");

        var expectedType = mask == "MASK_HASH" && kind == MaskValueKind.String ? "VARCHAR" : type;
        Assert.Equal(expectedType, db.TypeOf(sql));
        Assert.Null(db.Value(sql, id: 2));
    }

    [Fact]
    public void Mask_RedactsLettersAndDigitsInStrings() =>
        Assert.Equal("Xxxx nnnn-nnnn-nnnn-nnnn x", Masked("MASK", "s", MaskValueKind.String));

    [Fact]
    public void Mask_TurnsEveryDigitIntoOneKeepingTheSign()
    {
        Assert.Equal(-111111, Masked("MASK", "i", MaskValueKind.Integer, "INTEGER"));
        Assert.Equal(11111.11m, Masked("MASK", "d", MaskValueKind.Decimal, "DECIMAL(10,2)"));
    }

    [Fact]
    public void Mask_SetsDatesAndTimestampsToTheFixedDate()
    {
        Assert.Equal("0001-01-01", Text("MASK", "dt", MaskValueKind.Date));
        Assert.Equal("0001-01-01 00:00:00", Text("MASK", "ts", MaskValueKind.Timestamp));
    }

    [Fact]
    public void ShowLast4_KeepsTheLastFourAndShortStrings()
    {
        Assert.Equal("xxxx xxxx-xxxx-xxxx-xx34 é", Masked("MASK_SHOW_LAST_4", "s", MaskValueKind.String));
        Assert.Equal("abc", Masked("MASK_SHOW_LAST_4", "s", MaskValueKind.String, id: 3));
        Assert.Equal(-113456, Masked("MASK_SHOW_LAST_4", "i", MaskValueKind.Integer, "INTEGER"));
        Assert.Equal(12, Masked("MASK_SHOW_LAST_4", "i", MaskValueKind.Integer, "INTEGER", id: 3));
    }

    [Fact]
    public void ShowFirst4_KeepsTheFirstFour()
    {
        Assert.Equal("Card xxxx-xxxx-xxxx-xxxx x", Masked("MASK_SHOW_FIRST_4", "s", MaskValueKind.String));
        Assert.Equal(9876111111L, Masked("MASK_SHOW_FIRST_4", "big", MaskValueKind.Integer, "BIGINT"));
    }

    [Fact]
    public void Hash_IsSha256HexOfStringsAndNullForOtherKinds()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Masked("MASK_HASH", "s", MaskValueKind.String, id: 3));
        Assert.Null(Masked("MASK_HASH", "i", MaskValueKind.Integer, "INTEGER"));
    }

    [Fact]
    public void DateShowYear_IsFirstOfJanuaryOfTheSameYear()
    {
        Assert.Equal("2024-01-01", Text("MASK_DATE_SHOW_YEAR", "dt", MaskValueKind.Date));
        Assert.Equal("2024-01-01 00:00:00", Text("MASK_DATE_SHOW_YEAR", "ts", MaskValueKind.Timestamp));
    }

    [Fact]
    public void NullAndNone_NullifyOrKeep()
    {
        Assert.Null(Masked("MASK_NULL", "s", MaskValueKind.String));
        Assert.Equal("abc", Masked("MASK_NONE", "s", MaskValueKind.String, id: 3));
    }

    [Fact]
    public void Custom_ReplacesColAndCastsBack()
    {
        var sql = MaskSql.Render(SqlDialect.DuckDb, new MaskColumn("i", MaskValueKind.Integer, "INTEGER"), "CUSTOM", "{col} * 0 + 7");
        Assert.Equal(7, db.Value(sql));
        Assert.Equal("INTEGER", db.TypeOf(sql));
    }

    [Fact]
    public void Condition_MasksOnlyRowsWhereItHolds()
    {
        var column = new MaskColumn("s", MaskValueKind.String, "VARCHAR");
        var sql = MaskSql.Render(SqlDialect.DuckDb, column, "MASK_NULL", conditionExpr: "i > 0");
        Assert.Equal("Card 4111-1111-1111-1234 é", db.Value(sql, id: 1));
        Assert.Null(db.Value(sql, id: 3));
    }

    [Fact]
    public void UnknownMaskType_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MaskSql.Render(SqlDialect.DuckDb, new MaskColumn("s", MaskValueKind.String), "SHUFFLE"));

    private object? Masked(string mask, string column, MaskValueKind kind, string? type = null, int id = 1) =>
        db.Value(MaskSql.Render(SqlDialect.DuckDb, new MaskColumn(column, kind, type), mask), id);

    private string Text(string mask, string column, MaskValueKind kind) =>
        Convert.ToString(db.Value($"CAST({MaskSql.Render(SqlDialect.DuckDb, new MaskColumn(column, kind), mask)} AS VARCHAR)"), CultureInfo.InvariantCulture)!;
}

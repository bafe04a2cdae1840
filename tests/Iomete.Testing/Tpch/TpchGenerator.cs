using System.Globalization;
using static Iomete.Testing.Tpch.TpchText;

namespace Iomete.Testing.Tpch;

/// <summary>
/// TPC-H data in pure DuckDB SQL: one <c>CREATE TABLE … AS SELECT</c> per table, built from <c>range()</c> and
/// <c>hash()</c> of keys and salts, so the data is the same on every run and needs no files or extensions.
/// Every statement stands alone (orders recomputes its lineitems), so they may run in any order.
/// Rules and deviations from dbgen: docs/benchmarks.md, "TPC-H generator".
/// </summary>
public static class TpchGenerator
{
    public static readonly IReadOnlyList<string> TableNames =
        ["region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem"];

    /// <summary>STARTDATE, CURRENTDATE and ENDDATE - 151 days of the spec (clause 4.2.3).</summary>
    internal const string StartDate = "DATE '1992-01-01'";
    internal const string CurrentDate = "DATE '1995-06-17'";
    internal const int OrderDateDays = 2406;

    private static readonly string[] Regions = ["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"];

    private static readonly (string Name, int Region)[] Nations =
    [
        ("ALGERIA", 0), ("ARGENTINA", 1), ("BRAZIL", 1), ("CANADA", 1), ("EGYPT", 4), ("ETHIOPIA", 0), ("FRANCE", 3),
        ("GERMANY", 3), ("INDIA", 2), ("INDONESIA", 2), ("IRAN", 4), ("IRAQ", 4), ("JAPAN", 2), ("JORDAN", 4),
        ("KENYA", 0), ("MOROCCO", 0), ("MOZAMBIQUE", 0), ("PERU", 1), ("CHINA", 2), ("ROMANIA", 3), ("SAUDI ARABIA", 4),
        ("VIETNAM", 2), ("RUSSIA", 3), ("UNITED KINGDOM", 3), ("UNITED STATES", 1),
    ];

    /// <summary>The 8 statements, in the order region, nation, supplier, customer, part, partsupp, orders, lineitem.</summary>
    public static IReadOnlyList<string> CreateTableStatements(double scaleFactor, string tablePrefix)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scaleFactor);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        var sizes = TpchSizes.For(scaleFactor);
        return
        [
            Create(tablePrefix, "region", Region()),
            Create(tablePrefix, "nation", Nation()),
            Create(tablePrefix, "supplier", TpchTables.Supplier(sizes)),
            Create(tablePrefix, "customer", TpchTables.Customer(sizes)),
            Create(tablePrefix, "part", TpchTables.Part(sizes)),
            Create(tablePrefix, "partsupp", TpchTables.PartSupp(sizes)),
            Create(tablePrefix, "orders", TpchLines.Orders(sizes)),
            Create(tablePrefix, "lineitem", TpchLines.Lineitem(sizes)),
        ];
    }

    /// <summary>The expected row count of each table but lineitem (which is 1–7 per order, ≈ 4 × orders).</summary>
    public static long ExpectedRows(string table, double scaleFactor)
    {
        var sizes = TpchSizes.For(scaleFactor);
        return table switch
        {
            "region" => 5,
            "nation" => 25,
            "supplier" => sizes.Suppliers,
            "customer" => sizes.Customers,
            "part" => sizes.Parts,
            "partsupp" => sizes.Parts * 4,
            "orders" => sizes.Orders,
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "no fixed cardinality"),
        };
    }

    private static string Create(string prefix, string table, string select) =>
        $"CREATE TABLE {prefix}{table} AS\nWITH {PoolName} AS ({PoolCte()})\n{select}";

    private static string Region()
    {
        var values = string.Join(", ", Regions.Select((name, key) => $"({key}, '{name}')"));
        return $"SELECT CAST(v.k AS INTEGER) AS r_regionkey, CAST(v.n AS VARCHAR) AS r_name, "
            + $"t.txt AS r_comment\n"
            + $"FROM (VALUES {values}) v(k, n) {Join("t", TpchSql.Hash("v.k", 10), 10, 31, 115, 5)}";
    }

    private static string Nation()
    {
        var values = string.Join(", ", Nations.Select((n, key) => $"({key}, '{n.Name}', {n.Region})"));
        return $"SELECT CAST(v.k AS INTEGER) AS n_nationkey, CAST(v.n AS VARCHAR) AS n_name, CAST(v.r AS INTEGER) AS n_regionkey, "
            + $"t.txt AS n_comment\n"
            + $"FROM (VALUES {values}) v(k, n, r) {Join("t", TpchSql.Hash("v.k", 20), 20, 31, 114, 25)}";
    }
}

/// <summary>Row counts for a scale factor (clause 4.2.5).</summary>
internal sealed record TpchSizes(long Suppliers, long Customers, long Parts, long Orders, long Clerks)
{
    public static TpchSizes For(double sf) => new(
        Scaled(sf, 10_000), Scaled(sf, 150_000), Scaled(sf, 200_000), Scaled(sf, 1_500_000), Math.Max(1000, Scaled(sf, 1000)));

    private static long Scaled(double sf, long rows) => Math.Max(1, (long)Math.Round(sf * rows, MidpointRounding.AwayFromZero));
}

/// <summary>SQL expression helpers shared by the table builders.</summary>
internal static class TpchSql
{
    /// <summary>A uniform integer in [lo, hi] for the row keyed by <paramref name="keys"/> (one BIGINT expression) and the column's salt.</summary>
    public static string Rnd(string keys, int salt, long lo, long hi) =>
        $"({L(lo)} + ({Hash(keys, salt)} % {L(hi - lo + 1)})::BIGINT)";

    /// <summary>
    /// A well-mixed 64-bit hash of one BIGINT key and a column's salt (below 1024). hash(a, b) combines two hashes
    /// so cheaply that small moduli of different salts correlate; one murmur finalizer over key × 1024 + salt does not.
    /// </summary>
    public static string Hash(string key, int salt) => $"hash(({key}) * 1024 + {salt})";

    public static string Pick(string[] values, string indexExpr) =>
        $"[{string.Join(",", values.Select(v => $"'{v}'"))}][1 + ({indexExpr})]";

    public static string Money(string centsExpr) => $"CAST(({centsExpr}) * 0.01 AS DECIMAL(15,2))";

    public static string Phone(string nationExpr, string keys, int salt) =>
        $"CAST({nationExpr} + 10 AS VARCHAR) || '-' || CAST({Rnd(keys, salt, 100, 999)} AS VARCHAR) || '-' || "
        + $"CAST({Rnd(keys, salt + 1, 100, 999)} AS VARCHAR) || '-' || CAST({Rnd(keys, salt + 2, 1000, 9999)} AS VARCHAR)";

    /// <summary>A random alphanumeric string of minLength..maxLength characters (hex digits, see docs).</summary>
    public static string VString(string keys, int salt, int minLength, int maxLength) =>
        $"left(md5(CAST({Hash(keys, salt)} AS VARCHAR)) || md5(CAST({Hash(keys, salt + 1)} AS VARCHAR)), "
        + $"{Rnd(keys, salt + 2, minLength, maxLength)}::INTEGER)";

    public static string L(long value) => value.ToString(CultureInfo.InvariantCulture);
}

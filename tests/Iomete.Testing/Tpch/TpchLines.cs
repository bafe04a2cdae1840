using static Iomete.Testing.Tpch.TpchGenerator;
using static Iomete.Testing.Tpch.TpchSql;
using static Iomete.Testing.Tpch.TpchText;

namespace Iomete.Testing.Tpch;

/// <summary>
/// The SELECTs for orders and lineitem. A line's values are functions of (orderkey, linenumber), so orders
/// computes o_totalprice and o_orderstatus from the same expressions lineitem materializes. Four hashes per line
/// feed all its columns: h1 the part, and 16-bit slices of h2..h4 the small choices.
/// </summary>
internal static class TpchLines
{
    private static readonly string[] Priorities = ["1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"];
    private static readonly string[] Instructions = ["DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"];
    private static readonly string[] Modes = ["REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"];

    private static string Hashes(string line, string suffix = "") =>
        string.Join(", ", Enumerable.Range(1, 4).Select(i => $"{Hash(line, 600 + i)} AS h{i}{suffix}"));

    private static string PartKey(TpchSizes sizes, string h1) => $"(1 + ({h1} % {L(sizes.Parts)})::BIGINT)";
    private static string SuppIndex(string h2) => Slice(h2, 0, 4);
    private static string Quantity(string h2) => $"(1 + {Slice(h2, 1, 50)})";
    private static string Discount(string h2) => Slice(h2, 2, 11);
    private static string Tax(string h2) => Slice(h2, 3, 9);
    private static string ShipDays(string h3) => $"(1 + {Slice(h3, 0, 121)})";

    /// <summary>Orders keyed sparsely as dbgen does: 8 keys used of every 32 (1..7, 32..39, 64..71, …).</summary>
    private static string OrderBase(TpchSizes sizes) =>
        $"SELECT ok, {StartDate} + {Rnd("ok", 502, 0, OrderDateDays - 1)}::INTEGER AS od, {Rnd("ok", 503, 1, 7)} AS cnt "
        + $"FROM (SELECT (range + 1) // 8 * 32 + (range + 1) % 8 AS ok FROM range({L(sizes.Orders)}))";

    public static string Orders(TpchSizes sizes)
    {
        // dbgen's integer arithmetic in cents: ((eprice × (100 - discount)) / 100) × (100 + tax) / 100. The 1..7 lines are
        // unrolled (line k counts when k <= cnt): plain vectorized arithmetic, no per-order lists or aggregation.
        string Price(int k) => $"(({Quantity($"h2_{k}")} * {TpchTables.RetailPriceCents(PartKey(sizes, $"h1_{k}"))} "
            + $"* (100 - {Discount($"h2_{k}")})) // 100) * (100 + {Tax($"h2_{k}")}) // 100";
        string Shipped(int k) => $"CASE WHEN od + {ShipDays($"h3_{k}")} <= {CurrentDate} THEN 1 ELSE 0 END";
        string Sum(Func<int, string> value) =>
            string.Join(" + ", Enumerable.Range(1, 7).Select(k => $"CASE WHEN cnt >= {k} THEN {value(k)} ELSE 0 END"));
        var lines = string.Join(", ", Enumerable.Range(1, 7).Select(k => Hashes($"ok * 8 + {k}", $"_{k}")));
        // Customer keys divisible by 3 never order (dbgen), so a third of the customers have no orders.
        var eligible = sizes.Customers - sizes.Customers / 3;
        var r = Rnd("ok", 501, 0, eligible - 1);
        return $"SELECT ok AS o_orderkey, CAST(3 * ({r} // 2) + {r} % 2 + 1 AS INTEGER) AS o_custkey, "
            + "CASE WHEN shipped = cnt THEN 'F' WHEN shipped = 0 THEN 'O' ELSE 'P' END AS o_orderstatus, "
            + $"{Money("total")} AS o_totalprice, od AS o_orderdate, "
            + $"{Pick(Priorities, Rnd("ok", 504, 0, 4))} AS o_orderpriority, "
            + $"'Clerk#' || lpad(CAST({Rnd("ok", 505, 1, sizes.Clerks)} AS VARCHAR), 9, '0') AS o_clerk, "
            + $"CAST(0 AS INTEGER) AS o_shippriority, t.txt AS o_comment\n"
            + $"FROM (SELECT ok, od, cnt, {Sum(Price)} AS total, {Sum(Shipped)} AS shipped "
            + $"FROM (SELECT ok, od, cnt, {lines} FROM ({OrderBase(sizes)}))) o "
            + Join("t", Hash("ok", 506), 506, 19, 78, sizes.Orders);
    }

    public static string Lineitem(TpchSizes sizes)
    {
        return $"SELECT ok AS l_orderkey, CAST(pk AS INTEGER) AS l_partkey, "
            + $"CAST({TpchTables.SuppKey("pk", SuppIndex("h2"), sizes)} AS INTEGER) AS l_suppkey, "
            + $"CAST(ln AS INTEGER) AS l_linenumber, CAST({Quantity("h2")} AS DECIMAL(15,2)) AS l_quantity, "
            + $"{Money($"{Quantity("h2")} * {TpchTables.RetailPriceCents("pk")}")} AS l_extendedprice, "
            + $"{Money(Discount("h2"))} AS l_discount, {Money(Tax("h2"))} AS l_tax, "
            + $"CASE WHEN rd <= {CurrentDate} THEN (CASE WHEN (h3 >> 48) & 1 = 0 THEN 'R' ELSE 'A' END) ELSE 'N' END AS l_returnflag, "
            + $"CASE WHEN sd > {CurrentDate} THEN 'O' ELSE 'F' END AS l_linestatus, "
            + $"sd AS l_shipdate, (od + 30 + {Slice("h3", 1, 61)}) AS l_commitdate, rd AS l_receiptdate, "
            + $"{Pick(Instructions, Slice("h4", 0, 4))} AS l_shipinstruct, {Pick(Modes, Slice("h4", 1, 7))} AS l_shipmode, "
            + "t.txt AS l_comment\n"
            + $"FROM (SELECT *, sd + 1 + {Slice("h3", 2, 30)} AS rd FROM (SELECT *, od + {ShipDays("h3")} AS sd, "
            + $"{PartKey(sizes, "h1")} AS pk FROM (SELECT ok, od, ln, {Hashes("ok * 8 + ln")} FROM "
            + $"(SELECT ok, od, unnest(range(1, cnt + 1)) AS ln FROM ({OrderBase(sizes)}))))) l "
            + Join("t", "(h4 >> 32)", 612, 10, 43, 4 * sizes.Orders);
    }

    /// <summary>The j-th 16-bit slice (0..3) of a hash, modulo n: four independent small choices from one hash.</summary>
    private static string Slice(string hash, int j, long n) => $"((({hash} >> {16 * j}) & 65535) % {L(n)})::INTEGER";
}

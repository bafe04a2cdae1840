using static Iomete.Testing.Tpch.TpchGenerator;
using static Iomete.Testing.Tpch.TpchSql;
using static Iomete.Testing.Tpch.TpchText;

namespace Iomete.Testing.Tpch;

/// <summary>
/// The SELECTs for orders and lineitem. A line's values are functions of (orderkey, linenumber), so orders
/// computes o_totalprice and o_orderstatus from the same expressions lineitem materializes.
/// </summary>
internal static class TpchLines
{
    private static readonly string[] Priorities = ["1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"];
    private static readonly string[] Instructions = ["DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"];
    private static readonly string[] Modes = ["REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"];

    private const string Line = "ok, ln";
    private static string Quantity => Rnd(Line, 603, 1, 50);
    private static string Discount => Rnd(Line, 604, 0, 10);
    private static string Tax => Rnd(Line, 605, 0, 8);
    private static string ShipDate => $"(od + {Rnd(Line, 606, 1, 121)}::INTEGER)";

    private static string PartKey(TpchSizes sizes) => Rnd(Line, 601, 1, sizes.Parts);

    /// <summary>Orders keyed sparsely as dbgen does: 8 keys used of every 32 (1..7, 32..39, 64..71, …).</summary>
    private static string OrderBase(TpchSizes sizes) =>
        $"SELECT ok, {StartDate} + {Rnd("ok", 502, 0, OrderDateDays - 1)}::INTEGER AS od, {Rnd("ok", 503, 1, 7)} AS cnt "
        + $"FROM (SELECT (range + 1) // 8 * 32 + (range + 1) % 8 AS ok FROM range({L(sizes.Orders)}))";

    public static string Orders(TpchSizes sizes)
    {
        // dbgen's integer arithmetic in cents: ((eprice × (100 - discount)) / 100) × (100 + tax) / 100.
        var price = $"(({Quantity} * {TpchTables.RetailPriceCents(PartKey(sizes))} * (100 - {Discount})) // 100) * (100 + {Tax}) // 100";
        var shipped = $"CASE WHEN {ShipDate} <= {CurrentDate} THEN 1 ELSE 0 END";
        // Customer keys divisible by 3 never order (dbgen), so a third of the customers have no orders.
        var eligible = sizes.Customers - sizes.Customers / 3;
        var r = Rnd("ok", 501, 0, eligible - 1);
        return $"SELECT ok AS o_orderkey, CAST(3 * ({r} // 2) + {r} % 2 + 1 AS INTEGER) AS o_custkey, "
            + "CASE WHEN shipped = cnt THEN 'F' WHEN shipped = 0 THEN 'O' ELSE 'P' END AS o_orderstatus, "
            + $"{Money("total")} AS o_totalprice, od AS o_orderdate, "
            + $"{Pick(Priorities, Rnd("ok", 504, 0, 4))} AS o_orderpriority, "
            + $"'Clerk#' || lpad(CAST({Rnd("ok", 505, 1, sizes.Clerks)} AS VARCHAR), 9, '0') AS o_clerk, "
            + $"CAST(0 AS INTEGER) AS o_shippriority, {Comment("t", "ok", 507, 19, 78)} AS o_comment\n"
            + $"FROM (SELECT ok, od, cnt, list_sum(list_transform(range(1, cnt + 1), lambda ln: {price})) AS total, "
            + $"list_sum(list_transform(range(1, cnt + 1), lambda ln: {shipped})) AS shipped FROM ({OrderBase(sizes)})) o "
            + Join("t", "ok", 506);
    }

    public static string Lineitem(TpchSizes sizes)
    {
        var receipt = $"({ShipDate} + {Rnd(Line, 608, 1, 30)}::INTEGER)";
        return $"SELECT ok AS l_orderkey, CAST(pk AS INTEGER) AS l_partkey, "
            + $"CAST({TpchTables.SuppKey("pk", Rnd(Line, 602, 0, 3), sizes)} AS INTEGER) AS l_suppkey, "
            + $"CAST(ln AS INTEGER) AS l_linenumber, CAST({Quantity} AS DECIMAL(15,2)) AS l_quantity, "
            + $"{Money($"{Quantity} * {TpchTables.RetailPriceCents("pk")}")} AS l_extendedprice, "
            + $"{Money(Discount)} AS l_discount, {Money(Tax)} AS l_tax, "
            + $"CASE WHEN {receipt} <= {CurrentDate} THEN (CASE WHEN hash({Line}, 609) % 2 = 0 THEN 'R' ELSE 'A' END) ELSE 'N' END AS l_returnflag, "
            + $"CASE WHEN {ShipDate} > {CurrentDate} THEN 'O' ELSE 'F' END AS l_linestatus, "
            + $"{ShipDate} AS l_shipdate, (od + {Rnd(Line, 607, 30, 90)}::INTEGER) AS l_commitdate, {receipt} AS l_receiptdate, "
            + $"{Pick(Instructions, Rnd(Line, 610, 0, 3))} AS l_shipinstruct, {Pick(Modes, Rnd(Line, 611, 0, 6))} AS l_shipmode, "
            + $"{Comment("t", Line, 613, 10, 43)} AS l_comment\n"
            + $"FROM (SELECT ok, od, ln, {PartKey(sizes)} AS pk FROM "
            + $"(SELECT ok, od, unnest(range(1, cnt + 1)) AS ln FROM ({OrderBase(sizes)}))) l "
            + Join("t", Line, 612);
    }
}

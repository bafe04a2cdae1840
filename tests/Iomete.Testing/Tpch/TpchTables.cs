using static Iomete.Testing.Tpch.TpchSql;
using static Iomete.Testing.Tpch.TpchText;

namespace Iomete.Testing.Tpch;

/// <summary>The SELECTs for supplier, customer, part and partsupp (clause 4.2.3).</summary>
internal static class TpchTables
{
    private static readonly string[] Segments = ["AUTOMOBILE", "BUILDING", "FURNITURE", "MACHINERY", "HOUSEHOLD"];
    private static readonly string[] TypeSyllable1 = ["STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO"];
    private static readonly string[] TypeSyllable2 = ["ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED"];
    private static readonly string[] TypeSyllable3 = ["TIN", "NICKEL", "BRASS", "STEEL", "COPPER"];
    private static readonly string[] ContainerSyllable1 = ["SM", "LG", "MED", "JUMBO", "WRAP"];
    private static readonly string[] ContainerSyllable2 = ["CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM"];

    private static readonly string[] Colors =
    [
        "almond", "antique", "aquamarine", "azure", "beige", "bisque", "black", "blanched", "blue", "blush", "brown",
        "burlywood", "burnished", "chartreuse", "chiffon", "chocolate", "coral", "cornflower", "cornsilk", "cream",
        "cyan", "dark", "deep", "dim", "dodger", "drab", "firebrick", "floral", "forest", "frosted", "gainsboro",
        "ghost", "goldenrod", "green", "grey", "honeydew", "hot", "indian", "ivory", "khaki", "lace", "lavender",
        "lawn", "lemon", "light", "lime", "linen", "magenta", "maroon", "medium", "metallic", "midnight", "mint",
        "misty", "moccasin", "navajo", "navy", "olive", "orange", "orchid", "pale", "papaya", "peach", "peru", "pink",
        "plum", "powder", "puff", "purple", "red", "rose", "rosy", "royal", "saddle", "salmon", "sandy", "seashell",
        "sienna", "sky", "slate", "smoke", "snow", "spring", "steel", "tan", "thistle", "tomato", "turquoise",
        "violet", "wheat", "white", "yellow",
    ];

    public static string Supplier(TpchSizes sizes)
    {
        // dbgen puts "Customer … Complaints" (or "… Recommends") into 10 of every 10,000 supplier comments (clause 4.2.3).
        const string comment = "t.txt";
        var len = $"strlen({comment})";
        var noise = $"({Hash("k", 112)} % ({len} - 18))::INTEGER";
        var offset = $"({Hash("k", 113)} % ({len} - 18 - {noise}))::INTEGER";
        var word = $"CASE WHEN {Hash("k", 114)} % 100 < 50 THEN 'Complaints' ELSE 'Recommends' END";
        var bbb = $"substr({comment}, 1, {offset}) || 'Customer ' || substr({comment}, {offset} + 10, {noise}) || {word} "
            + $"|| substr({comment}, {offset} + {noise} + 20)";
        return $"SELECT CAST(k AS INTEGER) AS s_suppkey, 'Supplier#' || lpad(CAST(k AS VARCHAR), 9, '0') AS s_name, "
            + $"{VString("k", 101, 10, 40)} AS s_address, CAST(nk AS INTEGER) AS s_nationkey, {Phone("nk", "k", 105)} AS s_phone, "
            + $"{Money(Rnd("k", 108, -99_999, 999_999))} AS s_acctbal, "
            + $"CASE WHEN {Hash("k", 111)} % 10000 < 10 THEN {bbb} ELSE {comment} END AS s_comment\n"
            + $"FROM (SELECT range + 1 AS k, {Rnd("range + 1", 104, 0, 24)} AS nk FROM range({L(sizes.Suppliers)})) s "
            + Join("t", Hash("k", 110), 110, 25, 100, sizes.Suppliers);
    }

    public static string Customer(TpchSizes sizes) =>
        $"SELECT CAST(k AS INTEGER) AS c_custkey, 'Customer#' || lpad(CAST(k AS VARCHAR), 9, '0') AS c_name, "
        + $"{VString("k", 201, 10, 40)} AS c_address, CAST(nk AS INTEGER) AS c_nationkey, {Phone("nk", "k", 205)} AS c_phone, "
        + $"{Money(Rnd("k", 208, -99_999, 999_999))} AS c_acctbal, "
        + $"{Pick(Segments, Rnd("k", 209, 0, Segments.Length - 1))} AS c_mktsegment, "
        + $"t.txt AS c_comment\n"
        + $"FROM (SELECT range + 1 AS k, {Rnd("range + 1", 204, 0, 24)} AS nk FROM range({L(sizes.Customers)})) c "
        + Join("t", Hash("k", 210), 210, 29, 116, sizes.Customers);

    public static string Part(TpchSizes sizes)
    {
        // Five distinct colours: a start and a stride coprime to 92 (odd and not a multiple of 23).
        var names = string.Join(" || ' ' || ", Enumerable.Range(0, 5).Select(i => Pick(Colors, $"(c0 + {i} * st) % 92")));
        var type = $"{Pick(TypeSyllable1, "ty // 25")} || ' ' || {Pick(TypeSyllable2, "ty // 5 % 5")} || ' ' || {Pick(TypeSyllable3, "ty % 5")}";
        var container = $"{Pick(ContainerSyllable1, "co // 8")} || ' ' || {Pick(ContainerSyllable2, "co % 8")}";
        return $"SELECT CAST(k AS INTEGER) AS p_partkey, {names} AS p_name, 'Manufacturer#' || CAST(m AS VARCHAR) AS p_mfgr, "
            + $"'Brand#' || CAST(m AS VARCHAR) || CAST({Rnd("k", 304, 1, 5)} AS VARCHAR) AS p_brand, {type} AS p_type, "
            + $"CAST({Rnd("k", 306, 1, 50)} AS INTEGER) AS p_size, {container} AS p_container, "
            + $"{Money(RetailPriceCents("k"))} AS p_retailprice, t.txt AS p_comment\n"
            + $"FROM (SELECT range + 1 AS k, {Rnd("range + 1", 301, 0, 91)} AS c0, "
            + $"(CASE WHEN s0 IN (23, 69) THEN s0 + 2 ELSE s0 END) AS st, {Rnd("range + 1", 303, 1, 5)} AS m, "
            + $"{Rnd("range + 1", 305, 0, 149)} AS ty, {Rnd("range + 1", 307, 0, 39)} AS co "
            + $"FROM (SELECT range, 2 * {Rnd("range + 1", 302, 0, 45)} + 1 AS s0 FROM range({L(sizes.Parts)}))) p "
            + Join("t", Hash("k", 310), 310, 5, 22, sizes.Parts);
    }

    public static string PartSupp(TpchSizes sizes) =>
        $"SELECT CAST(pk AS INTEGER) AS ps_partkey, CAST({SuppKey("pk", "i", sizes)} AS INTEGER) AS ps_suppkey, "
        + $"CAST({Rnd("pk * 4 + i", 401, 1, 9999)} AS INTEGER) AS ps_availqty, {Money(Rnd("pk * 4 + i", 402, 100, 100_000))} AS ps_supplycost, "
        + $"t.txt AS ps_comment\n"
        + $"FROM (SELECT p.range + 1 AS pk, i.range AS i FROM range({L(sizes.Parts)}) p, range(4) i) ps "
        + Join("t", Hash("pk * 4 + i", 403), 403, 49, 198, 4 * sizes.Parts);

    /// <summary>P_RETAILPRICE in cents: 90000 + ((key / 10) mod 20001) + 100 × (key mod 1000).</summary>
    public static string RetailPriceCents(string partKey) =>
        $"(90000 + ({partKey} // 10) % 20001 + 100 * ({partKey} % 1000))";

    /// <summary>The i-th (0..3) supplier of a part: (p + i × (S/4 + (p - 1)/S)) mod S + 1.</summary>
    public static string SuppKey(string partKey, string i, TpchSizes sizes) =>
        $"(({partKey} + {i} * ({L(sizes.Suppliers / 4)} + ({partKey} - 1) // {L(sizes.Suppliers)})) % {L(sizes.Suppliers)} + 1)";
}

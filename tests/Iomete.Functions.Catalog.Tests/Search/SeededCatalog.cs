using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Index;

namespace Iomete.Functions.Catalog.Tests.Search;

/// <summary>
/// A generated catalog of a few thousand tables whose names, columns and descriptions never contain the words the tests
/// search for, plus a handful of tables that do, each placed to land in one ranking tier.
/// </summary>
public static class SeededCatalog
{
    public const string Catalog = "spark_catalog";
    public const int FillerTables = 3000;

    private static readonly string[] Words =
    [
        "alpha", "bravo", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "november",
        "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu",
    ];

    private static readonly string[] ColumnWords =
    [
        "id", "created_at", "updated_at", "amount", "status", "region", "code", "label", "weight", "score", "event_time", "payload",
    ];

    private static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The tables the ranking tests look for (database, name, columns, description, type).</summary>
    public static IReadOnlyList<TableSnapshot> Targets { get; } =
    [
        Table("sales", "customer_orders", ["order_id", "customer_id", "amount"], "One row per order"),
        Table("sales", "customer_orders_archive", ["order_id", "customer_id", "amount"], null),
        Table("archive", "customer_orders_2023", ["order_id", "customer_id"], null),
        Table("sales", "orders_by_customer", ["customer_id", "order_count"], null),
        Table("logistics", "shipment_facts", ["shipment_id", "customer_orders", "weight"], null),
        Table("finance", "payments", ["payment_id", "amount"], "All customer orders that were paid"),
        Table("crm", "members", ["member_id", "loyalty_points"], null),
        Table("crm", "loyalty_program", ["program_id", "points"], null),
        Table("crm", "rewards_ledger", ["entry_id", "loyalty_points_balance"], null),
        Table("crm", "members_view", ["member_id"], "Members for reporting", IndexedTypes.View),
    ];

    public static IEnumerable<TableSnapshot> Fillers()
    {
        for (var i = 0; i < FillerTables; i++)
        {
            var name = $"{Words[i % Words.Length]}_{Words[i / Words.Length % Words.Length]}_{i}";
            var database = $"db{i % 30:D2}";
            var columns = Enumerable.Range(0, 8).Select(c => ColumnWords[(i + c) % ColumnWords.Length] + (c >= ColumnWords.Length ? "_x" : "")).Distinct().ToArray();
            yield return Table(database, name, columns, $"Table {Words[(i + 3) % Words.Length]} of {Words[(i + 7) % Words.Length]}");
        }
    }

    public static TableSnapshot Table(string database, string name, string[] columns, string? description, string type = IndexedTypes.Table) =>
        new(Catalog, database, name, type, $"s3://lakehouse/{database}/{name}", $"s3://lakehouse/{database}/{name}/metadata/00000.metadata.json",
            "data-team", description, 1000, 10, 1_000_000, At, At,
            columns.Select((c, p) => new IndexedColumn(p, c, "string", null, p == 0)).ToList());

    public static TableKey Key(string database, string name) => new(Catalog, database, name);

    public static async Task SeedAsync(CatalogIndexStore store, InMemoryAnnotations annotations)
    {
        await store.UpsertCatalogAsync(Catalog, "ICEBERG_REST", "s3://lakehouse", At, CancellationToken.None);
        foreach (var database in Targets.Concat(Fillers()).Select(t => t.Database).Distinct())
        {
            await store.UpsertDatabaseAsync(Catalog, database, null, null, null, At, CancellationToken.None);
        }
        await store.UpsertTablesAsync([.. Targets, .. Fillers()], At, CancellationToken.None);
        var tagged = InMemoryAnnotations.For(Key("sales", "customer_orders"), "# Orders\nEvery order a customer placed.", ["ann", "bob", "cy"], ["PII", "GOLD"],
            new Dictionary<string, ColumnAnnotations> { ["customer_id"] = new("The buyer", ["CUSTOMER_KEY"]) });
        annotations.Set(tagged);
        await store.SetAnnotationsAsync([(tagged.Table, tagged)], CancellationToken.None);
    }
}

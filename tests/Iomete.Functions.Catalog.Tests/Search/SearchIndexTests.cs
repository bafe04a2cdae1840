using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Index;
using Iomete.Functions.Catalog.Search;

namespace Iomete.Functions.Catalog.Tests.Search;

/// <summary>The in-memory structure alone: words, typo distance, incremental updates.</summary>
public sealed class SearchIndexTests
{
    [Theory]
    [InlineData("customer_orders", "customer orders")]
    [InlineData("CustomerOrders", "customer orders")]
    [InlineData("  sales.Orders-2023 ", "sales orders 2023")]
    [InlineData("", "")]
    public void Tokenizer_SplitsAtSeparatorsAndCamelCase(string text, string key) => Assert.Equal(key, Tokenizer.Key(text));

    [Theory]
    [InlineData("customer", "custmer", 1)]
    [InlineData("shipment", "shipmnet", 1)]
    [InlineData("orders", "ordres", 1)]
    [InlineData("customer", "kustomar", 2)]
    [InlineData("customer", "xyz", 3)]
    public void Osa_CountsTranspositionsAsOneEdit(string a, string b, int expected) => Assert.Equal(expected, EditDistance.Osa(a, b, 2));

    [Fact]
    public void TypoBudget_GrowsWithTheWord()
    {
        var index = Build(Entry("t1", "warehouse_stock"), Entry("t2", "stock"), Entry("t3", "web"));

        Assert.Equal(["warehouse_stock"], Names(index.Search("warehuose", SearchFilter.None)));
        Assert.Equal(["warehouse_stock"], Names(index.Search("wrehuose", SearchFilter.None)));
        Assert.Equal(["stock", "warehouse_stock"], Names(index.Search("stokc", SearchFilter.None)));
        Assert.Empty(index.Search("wbe", SearchFilter.None));
        Assert.Empty(index.Search("stkoc_x", SearchFilter.None));
    }

    [Fact]
    public void Upsert_ReplacesTheOldVersionOfAnEntry()
    {
        var index = Build(Entry("t1", "old_name"));
        index.Upsert(Entry("t1", "new_name"));
        index.Seal();

        Assert.Empty(index.Search("old", SearchFilter.None));
        Assert.Equal(["new_name"], Names(index.Search("new", SearchFilter.None)));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void ManyUpdates_CompactWithoutLosingEntries()
    {
        var index = Build(Enumerable.Range(0, 50).Select(i => Entry($"t{i}", $"table_{i}")).ToArray());
        for (var round = 0; round < 60; round++)
        {
            for (var i = 0; i < 50; i++)
            {
                index.Upsert(Entry($"t{i}", $"table_{i}"));
            }
            index.Seal();
        }

        Assert.Equal(50, index.Count);
        Assert.Equal(50, index.Search("table", SearchFilter.None).Count);
        Assert.Equal(["table_7"], Names(index.Search("table_7", SearchFilter.None)).Take(1));
    }

    [Fact]
    public void DeletedEntries_ShowOnlyWithTheDeletedFilter()
    {
        var index = Build(Entry("t1", "kept"), Entry("t2", "dropped") with { Deleted = true, DeletedAt = DateTimeOffset.UnixEpoch });

        Assert.Equal(["kept"], Names(index.Search(null, SearchFilter.None)));
        Assert.Equal(["dropped"], Names(index.Search(null, SearchFilter.None with { Deleted = true })));
    }

    private static SearchIndex Build(params IndexedTable[] tables)
    {
        var index = new SearchIndex();
        foreach (var table in tables)
        {
            index.Upsert(table);
        }
        index.Seal();
        return index;
    }

    private static IndexedTable Entry(string id, string name) => new(
        id, "c", "d", name, IndexedTypes.Table, IndexedTypes.Iceberg, null, null, null, null, 0, 0, 0, null, DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch, false, null, [new IndexedColumn(0, "id", "int", null, false)], (TableAnnotations?)null, 1);

    private static List<string> Names(IEnumerable<SearchHit> hits) => hits.Select(h => h.Document.Table.Name).ToList();
}

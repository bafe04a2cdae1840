using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Index;
using Iomete.Functions.Catalog.Search;
using Iomete.Functions.Catalog.Tests.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Catalog.Tests.Index;

/// <summary>Two in-memory copies over one database (two replicas) converge by the change sequence, removals included.</summary>
public sealed class ReplicaConvergenceTests(LakehouseFixture fixture) : IClassFixture<LakehouseFixture>
{
    [Fact]
    public async Task SecondReplica_SeesChangesOfTheFirst_OnItsNextSearch()
    {
        var store = fixture.Platform.Services.GetRequiredService<CatalogIndexStore>();
        using var replica = new LiveIndex(store, Options.Create(new CatalogOptions { SearchRefreshInterval = TimeSpan.Zero }), TimeProvider.System);
        Assert.Empty(await replica.ReadAsync(i => i.Search("plover", SearchFilter.None), CancellationToken.None));

        await store.UpsertTablesAsync([SeededCatalog.Table("replicas", "plover_counts", ["id"], null)], DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Single(await replica.ReadAsync(i => i.Search("plover", SearchFilter.None), CancellationToken.None));

        var key = new TableKey(SeededCatalog.Catalog, "replicas", "plover_counts");
        await store.MarkTablesDeletedAsync([key], DateTimeOffset.UtcNow.AddDays(-30), CancellationToken.None);
        Assert.Empty(await replica.ReadAsync(i => i.Search("plover", SearchFilter.None), CancellationToken.None));
        Assert.Single(await replica.ReadAsync(i => i.Search("plover", SearchFilter.None with { Deleted = true }), CancellationToken.None));

        Assert.True(await store.PurgeDeletedAsync(DateTimeOffset.UtcNow.AddDays(-14), CancellationToken.None) >= 1);
        Assert.Empty(await replica.ReadAsync(i => i.Search("plover", SearchFilter.None with { Deleted = true }), CancellationToken.None));
        Assert.Null(await store.FindTableAsync(key, CancellationToken.None));
    }
}

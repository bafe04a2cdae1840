using Iomete.Engine.Catalogs;
using Iomete.Iceberg.Partitioning;

namespace Iomete.Engine.Tests.Catalogs;

public sealed class TableCatalogTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private const string Catalog = CatalogFixture.Catalog;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task CreateTable_IsListed_AndLoadsWithTheCatalogsFreshIds()
    {
        var catalog = fixture.AdminCatalog();
        var db = await fixture.DatabaseAsync();
        var ident = new TableIdent(Catalog, db, "plain");

        var created = await catalog.CreateTableAsync(ident, CatalogTestData.PlainTable(new Dictionary<string, string> { ["owner"] = "etl" }), stage: false, Ct);

        Assert.Equal(["plain"], await catalog.ListTablesAsync(Catalog, db, Ct));
        Assert.NotEmpty(created.MetadataLocation);
        Assert.Equal(ident, created.Ident);
        Assert.Equal("etl", created.Metadata.Properties["owner"]);
        Assert.Equal(TestTables.Schema.Fields.Select(c => c.Name), created.Metadata.CurrentSchema.Fields.Select(c => c.Name));
        Assert.True(created.Metadata.DefaultSpec.IsUnpartitioned);
        Assert.Null(created.Metadata.CurrentSnapshotId);
        var loaded = await fixture.AdminCatalog().LoadTableAsync(ident, Ct);
        Assert.Equal(created.MetadataLocation, loaded!.MetadataLocation);
    }

    [Fact]
    public async Task CreatePartitionedTable_KeepsSpecAndSortOrder()
    {
        var catalog = fixture.AdminCatalog();
        var ident = new TableIdent(Catalog, await fixture.DatabaseAsync(), "parted");

        var created = await catalog.CreateTableAsync(ident, CatalogTestData.PartitionedTable(), stage: false, Ct);

        var spec = created.Metadata.DefaultSpec;
        Assert.Equal(["day_day", "id_bucket"], spec.Fields.Select(f => f.Name));
        Assert.Equal(Transform.Day, spec.Fields[0].Transform);
        Assert.Equal(Transform.Bucket(4), spec.Fields[1].Transform);
        var order = Assert.Single(created.Metadata.DefaultSortOrder.Fields);
        Assert.Equal(Iomete.Iceberg.Sorting.SortDirection.Desc, order.Direction);
        Assert.Equal("zstd", created.Metadata.Properties["write.parquet.compression-codec"]);
    }

    [Fact]
    public async Task CreateTable_WhereTheNameIsTaken_IsAlreadyExists()
    {
        var catalog = fixture.AdminCatalog();
        var ident = new TableIdent(Catalog, await fixture.DatabaseAsync(), "t");
        await catalog.CreateTableAsync(ident, CatalogTestData.PlainTable(), stage: false, Ct);

        await Assert.ThrowsAsync<CatalogAlreadyExistsException>(() => catalog.CreateTableAsync(ident, CatalogTestData.PlainTable(), stage: false, Ct));
    }

    [Fact]
    public async Task LoadTable_Unchanged_ReusesTheCachedMetadata_ThroughA304()
    {
        var ident = new TableIdent(Catalog, await fixture.DatabaseAsync(), "cached");
        await fixture.AdminCatalog().CreateTableAsync(ident, CatalogTestData.PlainTable(), stage: false, Ct);
        var catalog = fixture.AdminCatalog();

        var first = await catalog.LoadTableAsync(ident, Ct);
        var second = await catalog.LoadTableAsync(ident, Ct);
        var otherClient = await fixture.AdminCatalog().LoadTableAsync(ident, Ct);

        Assert.Same(first, second);
        Assert.Same(first!.Metadata, second!.Metadata);
        Assert.NotSame(first.Metadata, otherClient!.Metadata);
        Assert.Equal(first.MetadataLocation, otherClient.MetadataLocation);
    }

    [Fact]
    public async Task LoadTable_AfterAnotherClientCommitted_ParsesTheNewMetadata()
    {
        var ident = new TableIdent(Catalog, await fixture.DatabaseAsync(), "changing");
        await fixture.AdminCatalog().CreateTableAsync(ident, CatalogTestData.PlainTable(), stage: false, Ct);
        var reader = fixture.AdminCatalog();
        var before = await reader.LoadTableAsync(ident, Ct);

        var committed = await CatalogWrites.AppendAsync(fixture.AdminCatalog(), fixture.IO, before!, TestTables.FirstBatch);
        var after = await reader.LoadTableAsync(ident, Ct);

        Assert.NotSame(before, after);
        Assert.Equal(committed.MetadataLocation, after!.MetadataLocation);
        Assert.Equal(committed.Metadata.CurrentSnapshotId, after.Metadata.CurrentSnapshotId);
    }

    [Fact]
    public async Task LoadTable_ThatDoesNotExist_IsNull_ButInAMissingDatabaseIsNotFound()
    {
        var catalog = fixture.AdminCatalog();
        var db = await fixture.DatabaseAsync();

        Assert.Null(await catalog.LoadTableAsync(new TableIdent(Catalog, db, "nope"), Ct));
        await Assert.ThrowsAsync<CatalogNotFoundException>(() => catalog.LoadTableAsync(new TableIdent(Catalog, CatalogFixture.Unique("nodb"), "nope"), Ct));
        await Assert.ThrowsAsync<CatalogNotFoundException>(() => catalog.DropTableAsync(new TableIdent(Catalog, db, "nope"), purge: false, Ct));
        await Assert.ThrowsAsync<CatalogNotFoundException>(() => catalog.CommitAsync(new TableIdent(Catalog, db, "nope"), [], [], Ct));
    }

    [Fact]
    public async Task ATableCreatedWithoutRights_IsForbidden_WhileReadingIsAllowed()
    {
        var ident = new TableIdent(Catalog, await fixture.DatabaseAsync(), "guarded");
        await fixture.AdminCatalog().CreateTableAsync(ident, CatalogTestData.PlainTable(), stage: false, Ct);
        var user = fixture.Factory.ForCaller(await fixture.PlainUserHeadersAsync());

        Assert.NotNull(await user.LoadTableAsync(ident, Ct));
        await Assert.ThrowsAsync<CatalogForbiddenException>(() =>
            user.CreateTableAsync(ident with { Name = "mine" }, CatalogTestData.PlainTable(), stage: false, Ct));
        await Assert.ThrowsAsync<CatalogForbiddenException>(() => user.DropTableAsync(ident, purge: true, Ct));
        Assert.NotNull(await fixture.AdminCatalog().LoadTableAsync(ident, Ct));
    }

    [Fact]
    public async Task RenameTable_MovesItToAnotherDatabase()
    {
        var catalog = fixture.AdminCatalog();
        var source = new TableIdent(Catalog, await fixture.DatabaseAsync(), "old_name");
        var target = new TableIdent(Catalog, await fixture.DatabaseAsync(), "new_name");
        var created = await catalog.CreateTableAsync(source, CatalogTestData.PlainTable(), stage: false, Ct);
        Assert.NotNull(await catalog.LoadTableAsync(source, Ct));

        await catalog.RenameTableAsync(source, target, Ct);

        Assert.Null(await catalog.LoadTableAsync(source, Ct));
        var moved = await catalog.LoadTableAsync(target, Ct);
        Assert.Equal(created.Metadata.TableUuid, moved!.Metadata.TableUuid);
        Assert.Equal(target, moved.Ident);
        await Assert.ThrowsAsync<CatalogRequestException>(() => catalog.RenameTableAsync(target, target with { Catalog = "other" }, Ct));
        await Assert.ThrowsAsync<CatalogNotFoundException>(() => catalog.RenameTableAsync(source, source with { Name = "again" }, Ct));
    }

    [Fact]
    public async Task DropTable_WithPurge_DeletesItsFiles_WithoutPurge_KeepsThem()
    {
        var catalog = fixture.AdminCatalog();
        var db = await fixture.DatabaseAsync();
        var purged = await catalog.CreateTableAsync(new TableIdent(Catalog, db, "purged"), CatalogTestData.PlainTable(), stage: false, Ct);
        var kept = await catalog.CreateTableAsync(new TableIdent(Catalog, db, "kept"), CatalogTestData.PlainTable(), stage: false, Ct);
        purged = await CatalogWrites.AppendAsync(catalog, fixture.IO, purged, TestTables.FirstBatch);
        var dataFile = purged.Metadata.CurrentSnapshot!.ManifestList;
        Assert.True(await fixture.IO.ExistsAsync(dataFile, Ct));

        await catalog.DropTableAsync(purged.Ident, purge: true, Ct);
        await catalog.DropTableAsync(kept.Ident, purge: false, Ct);

        Assert.Null(await catalog.LoadTableAsync(purged.Ident, Ct));
        Assert.Null(await catalog.LoadTableAsync(kept.Ident, Ct));
        Assert.False(await fixture.IO.ExistsAsync(purged.MetadataLocation, Ct));
        Assert.False(await fixture.IO.ExistsAsync(dataFile, Ct));
        Assert.True(await fixture.IO.ExistsAsync(kept.MetadataLocation, Ct));
        Assert.Empty(await catalog.ListTablesAsync(Catalog, db, Ct));
    }

    [Fact]
    public async Task ListTables_FollowsNextPageTokens()
    {
        var db = await fixture.DatabaseAsync();
        var admin = fixture.AdminCatalog();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await admin.CreateTableAsync(new TableIdent(Catalog, db, name), CatalogTestData.PlainTable(), stage: false, Ct);
        }
        var catalog = new RestLakehouseCatalog(fixture.Invoker, fixture.AdminHeaders, TimeProvider.System) { PageSize = 2 };

        Assert.Equal(["a", "b", "c", "d", "e"], await catalog.ListTablesAsync(Catalog, db, Ct));
    }
}

using Iomete.Engine.Catalogs;
using Iomete.Iceberg.Commits;

namespace Iomete.Engine.Tests.Catalogs;

public sealed class CommitCatalogTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private const string Catalog = CatalogFixture.Catalog;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task CommitAnAppend_MakesItsSnapshotCurrent_AndTheNextLoadIsTheCommittedObject()
    {
        var catalog = fixture.AdminCatalog();
        var table = await catalog.CreateTableAsync(new TableIdent(Catalog, await fixture.DatabaseAsync(), "facts"), CatalogTestData.PlainTable(), stage: false, Ct);
        var commit = await CatalogWrites.PrepareAppendAsync(fixture.IO, table, TestTables.FirstBatch);

        var committed = await catalog.CommitAsync(table.Ident, commit.Requirements, commit.Updates, Ct);

        Assert.Equal(commit.Snapshot.SnapshotId, committed.Metadata.CurrentSnapshotId);
        Assert.Equal("3", committed.Metadata.CurrentSnapshot!.Summary["added-records"]);
        Assert.NotEqual(table.MetadataLocation, committed.MetadataLocation);
        Assert.Same(committed, await catalog.LoadTableAsync(table.Ident, Ct));
        var second = await CatalogWrites.AppendAsync(catalog, fixture.IO, committed, TestTables.SecondBatch);
        Assert.Equal(commit.Snapshot.SnapshotId, second.Metadata.CurrentSnapshot!.ParentSnapshotId);
        Assert.Equal("5", second.Metadata.CurrentSnapshot.Summary["total-records"]);
    }

    [Fact]
    public async Task AStaleCommit_IsACommitConflict()
    {
        var catalog = fixture.AdminCatalog();
        var table = await catalog.CreateTableAsync(new TableIdent(Catalog, await fixture.DatabaseAsync(), "raced"), CatalogTestData.PlainTable(), stage: false, Ct);
        var first = await CatalogWrites.PrepareAppendAsync(fixture.IO, table, TestTables.FirstBatch);
        var stale = await CatalogWrites.PrepareAppendAsync(fixture.IO, table, TestTables.SecondBatch);
        await catalog.CommitAsync(table.Ident, first.Requirements, first.Updates, Ct);

        var ex = await Assert.ThrowsAsync<CatalogCommitConflictException>(() => catalog.CommitAsync(table.Ident, stale.Requirements, stale.Updates, Ct));

        Assert.Contains("assert-ref-snapshot-id", ex.Message, StringComparison.Ordinal);
        var current = await catalog.LoadTableAsync(table.Ident, Ct);
        Assert.Equal(first.Snapshot.SnapshotId, current!.Metadata.CurrentSnapshotId);
    }

    [Fact]
    public async Task AnUpdateThatDoesNotApply_IsAnInvalidRequest()
    {
        var catalog = fixture.AdminCatalog();
        var table = await catalog.CreateTableAsync(new TableIdent(Catalog, await fixture.DatabaseAsync(), "bad"), CatalogTestData.PlainTable(), stage: false, Ct);

        await Assert.ThrowsAsync<CatalogRequestException>(() => catalog.CommitAsync(table.Ident, [], [new SetCurrentSchema(42)], Ct));
    }

    [Fact]
    public async Task AStagedTable_IsInvisibleUntilCommittedWithAssertCreate_ThenHoldsTheRows()
    {
        var catalog = fixture.AdminCatalog();
        var ident = new TableIdent(Catalog, await fixture.DatabaseAsync(), "ctas");

        var staged = await catalog.CreateTableAsync(ident, CatalogTestData.PartitionedTable(), stage: true, Ct);

        Assert.Equal("", staged.MetadataLocation);
        Assert.Null(await catalog.LoadTableAsync(ident, Ct));
        Assert.Empty(await catalog.ListTablesAsync(Catalog, ident.Database, Ct));
        var append = await CatalogWrites.PrepareAppendAsync(fixture.IO, staged, TestTables.FirstBatch);
        var committed = await catalog.CommitAsync(ident, StagedTable.Requirements, [.. StagedTable.CreateUpdates(staged.Metadata), .. append.Updates], Ct);

        Assert.Equal(staged.Metadata.TableUuid, committed.Metadata.TableUuid);
        Assert.Equal(staged.Metadata.Location, committed.Metadata.Location);
        Assert.Equal(staged.Metadata.DefaultSpec.Fields, committed.Metadata.DefaultSpec.Fields);
        Assert.Equal("zstd", committed.Metadata.Properties["write.parquet.compression-codec"]);
        Assert.Equal(append.Snapshot.SnapshotId, committed.Metadata.CurrentSnapshotId);
        Assert.Same(committed, await catalog.LoadTableAsync(ident, Ct));

        // A second create transaction for the name loses.
        await Assert.ThrowsAsync<CatalogCommitConflictException>(() =>
            catalog.CommitAsync(ident, StagedTable.Requirements, StagedTable.CreateUpdates(staged.Metadata), Ct));
    }
}

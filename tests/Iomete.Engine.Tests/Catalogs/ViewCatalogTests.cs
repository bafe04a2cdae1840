using Iomete.Engine.Catalogs;
using Iomete.Iceberg.Views;

namespace Iomete.Engine.Tests.Catalogs;

public sealed class ViewCatalogTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private const string Catalog = CatalogFixture.Catalog;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task CreateView_IsListedAndLoads_WithItsSqlDialectAndDefaults()
    {
        var catalog = fixture.AdminCatalog();
        var db = await fixture.DatabaseAsync();
        var ident = new TableIdent(Catalog, db, "active_users");

        var created = await catalog.CreateViewAsync(ident, CatalogTestData.View("SELECT id, name FROM users WHERE active", db), replace: false, Ct);

        Assert.Equal(["active_users"], await catalog.ListViewsAsync(Catalog, db, Ct));
        Assert.Empty(await catalog.ListTablesAsync(Catalog, db, Ct));
        var loaded = await catalog.LoadViewAsync(ident, Ct);
        Assert.Equal(created.MetadataLocation, loaded!.MetadataLocation);
        var version = loaded.Metadata.CurrentVersion;
        Assert.Equal(1, version.VersionId);
        var sql = Assert.IsType<SqlViewRepresentation>(Assert.Single(version.Representations));
        Assert.Equal(("SELECT id, name FROM users WHERE active", "duckdb"), (sql.Sql, sql.Dialect));
        Assert.Equal(Catalog, version.DefaultCatalog);
        Assert.Equal([db], version.DefaultNamespace);
        Assert.Equal(["id", "name"], loaded.Metadata.CurrentSchema.Fields.Select(f => f.Name));
        Assert.Equal("engine view", loaded.Metadata.Properties["comment"]);
    }

    [Fact]
    public async Task CreateView_WithReplace_AddsANewCurrentVersion()
    {
        var catalog = fixture.AdminCatalog();
        var db = await fixture.DatabaseAsync();
        var ident = new TableIdent(Catalog, db, "v");
        var first = await catalog.CreateViewAsync(ident, CatalogTestData.View("SELECT 1 AS id, 'a' AS name", db), replace: false, Ct);

        var replaced = await catalog.CreateViewAsync(ident, CatalogTestData.View("SELECT 2 AS id, 'b' AS name", db), replace: true, Ct);

        Assert.Equal(first.Metadata.ViewUuid, replaced.Metadata.ViewUuid);
        Assert.Equal(2, replaced.Metadata.CurrentVersionId);
        Assert.Equal(2, replaced.Metadata.Versions.Count);
        Assert.Equal("SELECT 2 AS id, 'b' AS name", ((SqlViewRepresentation)replaced.Metadata.CurrentVersion.Representations[0]).Sql);
        var loaded = await catalog.LoadViewAsync(ident, Ct);
        Assert.Equal(replaced.MetadataLocation, loaded!.MetadataLocation);
        Assert.NotEqual(first.MetadataLocation, loaded.MetadataLocation);
    }

    [Fact]
    public async Task CreateView_WithoutReplace_WhereOneExists_IsAlreadyExists_AndReplaceOfAMissingViewCreatesIt()
    {
        var catalog = fixture.AdminCatalog();
        var db = await fixture.DatabaseAsync();
        var ident = new TableIdent(Catalog, db, "v");

        var created = await catalog.CreateViewAsync(ident, CatalogTestData.View("SELECT 1 AS id, 'a' AS name", db), replace: true, Ct);

        Assert.Equal(1, created.Metadata.CurrentVersionId);
        await Assert.ThrowsAsync<CatalogAlreadyExistsException>(() =>
            catalog.CreateViewAsync(ident, CatalogTestData.View("SELECT 3 AS id, 'c' AS name", db), replace: false, Ct));
    }

    [Fact]
    public async Task DropView_RemovesIt_AndMissingViewsLoadAsNull()
    {
        var catalog = fixture.AdminCatalog();
        var db = await fixture.DatabaseAsync();
        var ident = new TableIdent(Catalog, db, "gone");
        await catalog.CreateViewAsync(ident, CatalogTestData.View("SELECT 1 AS id, 'a' AS name", db), replace: false, Ct);

        await catalog.DropViewAsync(ident, Ct);

        Assert.Null(await catalog.LoadViewAsync(ident, Ct));
        Assert.Empty(await catalog.ListViewsAsync(Catalog, db, Ct));
        await Assert.ThrowsAsync<CatalogNotFoundException>(() => catalog.DropViewAsync(ident, Ct));
    }

    [Fact]
    public async Task ATableIsNotAView_AndAViewIsNotATable()
    {
        var catalog = fixture.AdminCatalog();
        var db = await fixture.DatabaseAsync();
        await catalog.CreateTableAsync(new TableIdent(Catalog, db, "t"), CatalogTestData.PlainTable(), stage: false, Ct);
        await catalog.CreateViewAsync(new TableIdent(Catalog, db, "v"), CatalogTestData.View("SELECT 1 AS id, 'a' AS name", db), replace: false, Ct);

        Assert.Null(await catalog.LoadViewAsync(new TableIdent(Catalog, db, "t"), Ct));
        Assert.Null(await catalog.LoadTableAsync(new TableIdent(Catalog, db, "v"), Ct));
        await Assert.ThrowsAsync<CatalogAlreadyExistsException>(() =>
            catalog.CreateViewAsync(new TableIdent(Catalog, db, "t"), CatalogTestData.View("SELECT 1 AS id, 'a' AS name", db), replace: false, Ct));
    }

    [Fact]
    public async Task AUserWithoutCatalogRights_MayLoadViews_ButNotCreateOrDropThem()
    {
        var db = await fixture.DatabaseAsync();
        var ident = new TableIdent(Catalog, db, "shared");
        await fixture.AdminCatalog().CreateViewAsync(ident, CatalogTestData.View("SELECT 1 AS id, 'a' AS name", db), replace: false, Ct);
        var user = fixture.Factory.ForCaller(await fixture.PlainUserHeadersAsync());

        Assert.NotNull(await user.LoadViewAsync(ident, Ct));
        await Assert.ThrowsAsync<CatalogForbiddenException>(() =>
            user.CreateViewAsync(ident, CatalogTestData.View("SELECT 2 AS id, 'b' AS name", db), replace: true, Ct));
        await Assert.ThrowsAsync<CatalogForbiddenException>(() => user.DropViewAsync(ident, Ct));
    }
}

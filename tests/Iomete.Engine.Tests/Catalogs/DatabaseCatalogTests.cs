using Iomete.Engine.Catalogs;

namespace Iomete.Engine.Tests.Catalogs;

public sealed class DatabaseCatalogTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private const string Catalog = CatalogFixture.Catalog;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ListCatalogs_AsAdmin_IncludesTheDefaultCatalog()
    {
        var catalogs = await fixture.AdminCatalog().ListCatalogsAsync(Ct);

        Assert.Contains(Catalog, catalogs);
    }

    [Fact]
    public async Task CreateDatabase_ThenItIsListed_Exists_AndKeepsItsProperties()
    {
        var catalog = fixture.AdminCatalog();
        var name = CatalogFixture.Unique("db");

        await catalog.CreateDatabaseAsync(Catalog, name, new Dictionary<string, string> { ["owner"] = "finance", ["comment"] = "daily" }, Ct);

        Assert.Contains(name, await catalog.ListDatabasesAsync(Catalog, Ct));
        Assert.True(await catalog.DatabaseExistsAsync(Catalog, name, Ct));
        var properties = await catalog.LoadDatabasePropertiesAsync(Catalog, name, Ct);
        Assert.Equal("finance", properties["owner"]);
        Assert.Equal("daily", properties["comment"]);
    }

    [Fact]
    public async Task CreateDatabase_Twice_IsAlreadyExists()
    {
        var name = await fixture.DatabaseAsync();

        await Assert.ThrowsAsync<CatalogAlreadyExistsException>(() =>
            fixture.AdminCatalog().CreateDatabaseAsync(Catalog, name, new Dictionary<string, string>(), Ct));
    }

    [Fact]
    public async Task DropDatabase_RemovesIt_AndASecondDropIsNotFound()
    {
        var catalog = fixture.AdminCatalog();
        var name = await fixture.DatabaseAsync();

        await catalog.DropDatabaseAsync(Catalog, name, Ct);

        Assert.False(await catalog.DatabaseExistsAsync(Catalog, name, Ct));
        Assert.DoesNotContain(name, await catalog.ListDatabasesAsync(Catalog, Ct));
        await Assert.ThrowsAsync<CatalogNotFoundException>(() => catalog.DropDatabaseAsync(Catalog, name, Ct));
    }

    [Fact]
    public async Task DropDatabase_WithATable_IsRefusedAsInvalid()
    {
        var catalog = fixture.AdminCatalog();
        var name = await fixture.DatabaseAsync();
        await catalog.CreateTableAsync(new TableIdent(Catalog, name, "t"), CatalogTestData.PlainTable(), stage: false, Ct);

        var ex = await Assert.ThrowsAsync<CatalogRequestException>(() => catalog.DropDatabaseAsync(Catalog, name, Ct));
        Assert.Contains("not empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingDatabase_DoesNotExist_AndHasNoProperties()
    {
        var catalog = fixture.AdminCatalog();
        var name = CatalogFixture.Unique("missing");

        Assert.False(await catalog.DatabaseExistsAsync(Catalog, name, Ct));
        await Assert.ThrowsAsync<CatalogNotFoundException>(() => catalog.LoadDatabasePropertiesAsync(Catalog, name, Ct));
        await Assert.ThrowsAsync<CatalogNotFoundException>(() => catalog.ListTablesAsync(Catalog, name, Ct));
    }

    [Fact]
    public async Task AMissingCatalog_IsNotFound_EvenForAnExistenceCheck()
    {
        var catalog = fixture.AdminCatalog();

        var ex = await Assert.ThrowsAsync<CatalogNotFoundException>(() => catalog.ListDatabasesAsync("no_such_catalog", Ct));
        Assert.Contains("no_such_catalog", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<CatalogNotFoundException>(() => catalog.DatabaseExistsAsync("no_such_catalog", "db", Ct));
    }

    [Fact]
    public async Task ListDatabases_FollowsNextPageTokens()
    {
        var names = new[] { await fixture.DatabaseAsync(), await fixture.DatabaseAsync(), await fixture.DatabaseAsync() };
        var catalog = new RestLakehouseCatalog(fixture.Invoker, fixture.AdminHeaders, TimeProvider.System) { PageSize = 2 };

        var listed = await catalog.ListDatabasesAsync(Catalog, Ct);

        Assert.True(listed.Count >= 3);
        Assert.All(names, n => Assert.Contains(n, listed));
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public async Task ACallerWithoutCredentials_IsForbidden()
    {
        var anonymous = fixture.Factory.ForCaller(new Dictionary<string, string>());

        await Assert.ThrowsAsync<CatalogForbiddenException>(() => anonymous.ListDatabasesAsync(Catalog, Ct));
    }

    [Fact]
    public async Task AUserWithoutCatalogRights_MayListCatalogsAndDatabases_ButNotCreateDatabases()
    {
        var user = fixture.Factory.ForCaller(await fixture.PlainUserHeadersAsync());

        Assert.Contains(await fixture.DatabaseAsync(), await user.ListDatabasesAsync(Catalog, Ct));
        var ex = await Assert.ThrowsAsync<CatalogForbiddenException>(() =>
            user.CreateDatabaseAsync(Catalog, CatalogFixture.Unique("db"), new Dictionary<string, string>(), Ct));
        Assert.Contains("CREATE_DATABASE access is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Catalog, await user.ListCatalogsAsync(Ct));
    }

    [Fact]
    public async Task NamesWithSpacesAndUrlCharacters_TravelAsOnePathSegment()
    {
        var catalog = fixture.AdminCatalog();
        var database = CatalogFixture.Unique("db with space%");
        var table = new TableIdent(Catalog, database, "t #1?&x=y");

        await catalog.CreateDatabaseAsync(Catalog, database, new Dictionary<string, string>(), Ct);
        await catalog.CreateTableAsync(table, CatalogTestData.PlainTable(), stage: false, Ct);

        Assert.Contains(database, await catalog.ListDatabasesAsync(Catalog, Ct));
        Assert.Equal([table.Name], await catalog.ListTablesAsync(Catalog, database, Ct));
        Assert.NotNull(await catalog.LoadTableAsync(table, Ct));
    }
}

using System.Net;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Index;
using Iomete.Functions.Catalog.Sync;
using Iomete.Functions.Catalog.Tests.Search;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.DependencyInjection;
using static Iomete.Functions.Catalog.Tests.Index.LakehouseFixture;

namespace Iomete.Functions.Catalog.Tests.Index;

/// <summary>Real tables made through SQL reach the index by the catalog's change events: created, altered, renamed, dropped.</summary>
public sealed class EventPathTests(LakehouseFixture fixture) : IClassFixture<LakehouseFixture>
{
    [Fact]
    public async Task CreatedTable_BecomesSearchable_WithColumnsAndStats()
    {
        await fixture.SqlAsync("CREATE DATABASE IF NOT EXISTS evt_create");
        await fixture.SqlAsync("CREATE TABLE evt_create.heron_sightings (id INT, spotter STRING, wingspan DOUBLE)");
        await fixture.SqlAsync("INSERT INTO evt_create.heron_sightings VALUES (1, 'ann', 1.8), (2, 'bob', 1.7), (3, 'cy', 1.9)");

        var page = await fixture.SearchUntilAsync("query=heron_sightings", items => Named(items, "heron_sightings") is { } c && c.GetProperty("rowCount").GetInt64() == 3);
        var card = page.GetProperty("items")[0];
        Assert.Equal(("heron_sightings", "spark_catalog", "evt_create", "TABLE", "EXACT_NAME"),
            (card.Str("name"), card.Str("catalog"), card.Str("database"), card.Str("type"), card.Str("rank")));
        Assert.Equal(3, card.GetProperty("columnCount").GetInt32());

        var tables = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/domains/default/data-catalog/catalogs/spark_catalog/databases/evt_create/tables");
        var row = tables.GetProperty("items")[0];
        Assert.True(row.GetProperty("files").GetInt64() >= 1);
        Assert.True(row.GetProperty("sizeInBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task AlteredTable_IsUpdated_CommentAndNewColumn()
    {
        await fixture.SqlAsync("CREATE DATABASE IF NOT EXISTS evt_alter");
        await fixture.SqlAsync("CREATE TABLE evt_alter.ledger_lines (id INT)");
        await fixture.SearchUntilAsync("query=ledger_lines", items => Named(items, "ledger_lines") is not null);

        await fixture.SqlAsync("ALTER TABLE evt_alter.ledger_lines SET TBLPROPERTIES ('comment' = 'flamingo accounting', 'owner' = 'finance-team')");
        var page = await fixture.SearchUntilAsync("query=flamingo", items => Named(items, "ledger_lines") is not null);
        var card = page.GetProperty("items")[0];
        Assert.Equal("flamingo accounting", card.Str("description"));
        Assert.Equal(["finance-team"], card.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));

        await fixture.SqlAsync("ALTER TABLE evt_alter.ledger_lines ADD COLUMNS (zebra_code STRING)");
        var byColumn = await fixture.SearchUntilAsync("query=zebra_code", items => Named(items, "ledger_lines") is not null);
        Assert.Equal("COLUMN_NAME", byColumn.GetProperty("items")[0].Str("rank"));
    }

    [Fact]
    public async Task DroppedTable_IsMarkedDeleted_AndShownOnlyWithTheDeletedFilter()
    {
        await fixture.SqlAsync("CREATE DATABASE IF NOT EXISTS evt_drop");
        await fixture.SqlAsync("CREATE TABLE evt_drop.pelican_counts (id INT)");
        await fixture.SearchUntilAsync("query=pelican_counts", items => Named(items, "pelican_counts") is not null);

        await fixture.SqlAsync("DROP TABLE evt_drop.pelican_counts");
        var deleted = await fixture.SearchUntilAsync("query=pelican_counts&deleted=true", items => Named(items, "pelican_counts") is not null);
        var card = deleted.GetProperty("items")[0];
        Assert.True(card.GetProperty("deleted").GetBoolean());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, card.GetProperty("deletedAt").ValueKind);
        await fixture.SearchUntilAsync("query=pelican_counts", items => Named(items, "pelican_counts") is null);
    }

    [Fact]
    public async Task RenamedTable_MovesItsEntry()
    {
        await fixture.SqlAsync("CREATE DATABASE IF NOT EXISTS evt_rename");
        await fixture.SqlAsync("CREATE TABLE evt_rename.osprey_nests (id INT)");
        var before = await fixture.SearchUntilAsync("query=osprey_nests", items => Named(items, "osprey_nests") is not null);
        var id = before.GetProperty("items")[0].Str("id");

        await fixture.SqlAsync("ALTER TABLE evt_rename.osprey_nests RENAME TO evt_rename.osprey_colonies");
        var after = await fixture.SearchUntilAsync("query=osprey", items => Named(items, "osprey_colonies") is not null && Named(items, "osprey_nests") is null);
        Assert.Equal(id, after.GetProperty("items")[0].Str("id"));
        var deleted = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{SearchUrl}?query=osprey_nests&deleted=true");
        Assert.Equal(0, deleted.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task View_IsIndexedAsAView()
    {
        await fixture.SqlAsync("CREATE DATABASE IF NOT EXISTS evt_view");
        await fixture.SqlAsync("CREATE TABLE evt_view.egret_base (id INT, plumage STRING)");
        await fixture.SqlAsync("CREATE VIEW evt_view.egret_summary AS SELECT plumage FROM evt_view.egret_base");

        var page = await fixture.SearchUntilAsync("query=egret_summary&type=VIEW", items => Named(items, "egret_summary") is not null);
        Assert.Equal("VIEW", page.GetProperty("items")[0].Str("type"));
    }

    [Fact]
    public async Task TableWithIndexingTurnedOff_IsNotIndexed()
    {
        await fixture.SqlAsync("CREATE DATABASE IF NOT EXISTS evt_excluded");
        await fixture.SqlAsync("CREATE TABLE evt_excluded.secret_stork (id INT) TBLPROPERTIES ('iomete.governance.index' = 'false')");
        await fixture.SqlAsync("CREATE TABLE evt_excluded.public_stork (id INT)");

        // Events are applied in order: once the later table is searchable, the earlier one has been handled.
        var page = await fixture.SearchUntilAsync("query=stork", items => Named(items, "public_stork") is not null);
        Assert.Null(Named(page.GetProperty("items").EnumerateArray().ToArray(), "secret_stork"));
        Assert.Null(await fixture.Platform.Services.GetRequiredService<CatalogIndexStore>()
            .FindTableAsync(new TableKey("spark_catalog", "evt_excluded", "secret_stork"), CancellationToken.None));
    }

    [Fact]
    public async Task AnnotationChange_IsReadAgain_OnItsEvent()
    {
        await fixture.SqlAsync("CREATE DATABASE IF NOT EXISTS evt_annotated");
        await fixture.SqlAsync("CREATE TABLE evt_annotated.crane_routes (id INT, route STRING)");
        await fixture.SearchUntilAsync("query=crane_routes", items => Named(items, "crane_routes") is not null);

        var key = new TableKey("spark_catalog", "evt_annotated", "crane_routes");
        fixture.Annotations.Set(InMemoryAnnotations.For(key, "Migration paths", ["ornithology"], ["RESTRICTED"]));
        await fixture.Platform.Services.GetRequiredService<IEventBus>().PublishAsync(PlatformTopics.CatalogEntries,
            new CatalogEntryChanged(key.Catalog, key.Database, key.Table, "CLASSIFICATION", "admin", DateTimeOffset.UtcNow), CancellationToken.None);

        var page = await fixture.SearchUntilAsync("tag=RESTRICTED", items => Named(items, "crane_routes") is not null);
        Assert.Equal(["ornithology"], page.GetProperty("items")[0].GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
        await fixture.SearchUntilAsync("query=migration", items => Named(items, "crane_routes") is not null);
    }

    [Fact]
    public async Task RedeliveredAndOutOfOrderEvents_LeaveTheIndexAsTheLakehouseIs()
    {
        await fixture.SqlAsync("CREATE DATABASE IF NOT EXISTS evt_replay");
        await fixture.SqlAsync("CREATE TABLE evt_replay.ibis_feeding (id INT)");
        await fixture.SearchUntilAsync("query=ibis_feeding", items => Named(items, "ibis_feeding") is not null);
        var indexer = fixture.Platform.Services.GetRequiredService<TableIndexer>();
        var store = fixture.Platform.Services.GetRequiredService<CatalogIndexStore>();
        var key = new TableKey("spark_catalog", "evt_replay", "ibis_feeding");
        var stored = await store.FindTableAsync(key, CancellationToken.None);

        var created = new TableChanged(TableChangeKinds.TableCreated, "spark_catalog", ["evt_replay"], "ibis_feeding", null, null, stored!.MetadataLocation, "admin", DateTimeOffset.UtcNow);
        Assert.Equal(0, (await indexer.ApplyAsync(created, CancellationToken.None)).Changed);
        var lateDrop = created with { Kind = TableChangeKinds.TableDropped, MetadataLocation = null, At = DateTimeOffset.UtcNow.AddMinutes(-5) };
        await indexer.ApplyAsync(lateDrop, CancellationToken.None);

        var after = await store.FindTableAsync(key, CancellationToken.None);
        Assert.False(after!.Deleted);
        Assert.Equal(stored.Sequence, after.Sequence);
    }

    [Fact]
    public async Task ManualReindex_MarksEntriesTheLakehouseLacksDeleted_AndNeedsARole()
    {
        await fixture.SqlAsync("CREATE DATABASE IF NOT EXISTS evt_sync");
        await fixture.SqlAsync("CREATE TABLE evt_sync.kestrel_live (id INT)");
        var store = fixture.Platform.Services.GetRequiredService<CatalogIndexStore>();
        var ghost = SeededCatalog.Table("evt_sync", "kestrel_ghost", ["id"], null);
        await store.UpsertTablesAsync([ghost], DateTimeOffset.UtcNow, CancellationToken.None);

        var summary = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/admin/data-catalog/sync");
        Assert.True(summary.GetProperty("markedDeleted").GetInt32() >= 1);
        Assert.True(summary.GetProperty("tables").GetInt32() >= 1);

        var live = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{SearchUrl}?query=kestrel");
        Assert.Equal(["kestrel_live"], live.GetProperty("items").EnumerateArray().Select(i => i.Str("name")));
        var gone = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{SearchUrl}?query=kestrel&deleted=true");
        Assert.Equal(["kestrel_ghost"], gone.GetProperty("items").EnumerateArray().Select(i => i.Str("name")));

        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username = "plain", email = "plain@example.com", password = Password });
        using var plain = await fixture.Platform.LoginAsync("plain", Password);
        await plain.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, "/api/v1/admin/data-catalog/sync");
    }
}

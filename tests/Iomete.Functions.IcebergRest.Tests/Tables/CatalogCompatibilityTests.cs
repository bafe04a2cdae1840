using System.Net;
using System.Text.Json;
using Iomete.Functions.IcebergRest.Tests.Support;
using Iomete.Iceberg.Types;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;
using static Iomete.Functions.IcebergRest.Tests.Support.TableRequests;

namespace Iomete.Functions.IcebergRest.Tests.Tables;

/// <summary>More behaviours of Iceberg's REST compatibility kit (CatalogTests), named after the Java tests they port.</summary>
public sealed class CatalogCompatibilityTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task TestUpdateTableSpec_ThenRevert()
    {
        var ns = await Admin.NamespaceAsync("rck");
        await Admin.CreateTableAsync(ns, "t");
        var evolved = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), new
        {
            requirements = new object[] { new Dictionary<string, object> { ["type"] = "assert-default-spec-id", ["default-spec-id"] = 0 } },
            updates = new object[]
            {
                new { action = "add-spec", spec = new { fields = new object[] { new Dictionary<string, object> { ["source-id"] = 1, ["transform"] = "bucket[16]", ["name"] = "id_bucket" } } } },
                new Dictionary<string, object> { ["action"] = "set-default-spec", ["spec-id"] = -1 },
            },
        });
        var metadata = evolved.GetProperty("metadata");
        Assert.Equal(1, metadata.GetProperty("default-spec-id").GetInt32());
        Assert.Equal(1000, metadata.GetProperty("last-partition-id").GetInt32());
        var reverted = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), new
        {
            requirements = new object[] { new Dictionary<string, object> { ["type"] = "assert-default-spec-id", ["default-spec-id"] = 1 } },
            updates = new object[] { new Dictionary<string, object> { ["action"] = "set-default-spec", ["spec-id"] = 0 } },
        });
        Assert.Equal(0, reverted.GetProperty("metadata").GetProperty("default-spec-id").GetInt32());
        // testUpdateTableSpecConflict: the spec changed since the client read it.
        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "CommitFailedException", HttpMethod.Post, Table(ns, "t"), new
        {
            requirements = new object[] { new Dictionary<string, object> { ["type"] = "assert-default-spec-id", ["default-spec-id"] = 1 } },
            updates = Array.Empty<object>(),
        });
        // testRemoveUnusedSpec
        var removed = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), new
        {
            requirements = Array.Empty<object>(),
            updates = new object[] { new Dictionary<string, object> { ["action"] = "remove-partition-specs", ["spec-ids"] = new[] { 1 } } },
        });
        Assert.Equal(1, removed.GetProperty("metadata").GetProperty("partition-specs").GetArrayLength());
    }

    [Fact]
    public async Task TestUpdateTableSortOrder_AndSchemaThenRevert()
    {
        var ns = await Admin.NamespaceAsync("rck");
        await Admin.CreateTableAsync(ns, "t");
        var sorted = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), new
        {
            requirements = new object[] { new Dictionary<string, object> { ["type"] = "assert-default-sort-order-id", ["default-sort-order-id"] = 0 } },
            updates = new object[]
            {
                new Dictionary<string, object>
                {
                    ["action"] = "add-sort-order",
                    ["sort-order"] = new Dictionary<string, object>
                    {
                        ["order-id"] = 1,
                        ["fields"] = new object[] { new Dictionary<string, object> { ["source-id"] = 1, ["transform"] = "identity", ["direction"] = "desc", ["null-order"] = "nulls-last" } },
                    },
                },
                new Dictionary<string, object> { ["action"] = "set-default-sort-order", ["sort-order-id"] = -1 },
            },
        });
        Assert.Equal(1, sorted.GetProperty("metadata").GetProperty("default-sort-order-id").GetInt32());

        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), new
        {
            requirements = Array.Empty<object>(),
            updates = new object[]
            {
                new { action = "add-schema", schema = Schema((1, "id", "long", true), (2, "data", "string", false), (3, "x", "int", false)) },
                new Dictionary<string, object> { ["action"] = "set-current-schema", ["schema-id"] = -1 },
            },
        });
        var reverted = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), new
        {
            requirements = new object[] { new Dictionary<string, object> { ["type"] = "assert-last-assigned-field-id", ["last-assigned-field-id"] = 3 } },
            updates = new object[] { new Dictionary<string, object> { ["action"] = "set-current-schema", ["schema-id"] = 0 } },
        });
        var metadata = reverted.GetProperty("metadata");
        Assert.Equal(0, metadata.GetProperty("current-schema-id").GetInt32());
        Assert.Equal(3, metadata.GetProperty("last-column-id").GetInt32());
        // testRemoveUnusedSchemas
        var removed = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), new
        {
            requirements = Array.Empty<object>(),
            updates = new object[] { new Dictionary<string, object> { ["action"] = "remove-schemas", ["schema-ids"] = new[] { 1 } } },
        });
        Assert.Equal(1, removed.GetProperty("metadata").GetProperty("schemas").GetArrayLength());
    }

    [Fact]
    public async Task TestUUIDValidation_AWrongTableUuidIs409()
    {
        var ns = await Admin.NamespaceAsync("rck");
        await Admin.CreateTableAsync(ns, "t");
        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "CommitFailedException", HttpMethod.Post, Table(ns, "t"), new
        {
            requirements = new object[] { new { type = "assert-table-uuid", uuid = Guid.NewGuid().ToString() } },
            updates = new object[] { new { action = "set-properties", updates = new Dictionary<string, string> { ["k"] = "v" } } },
        });
    }

    [Fact]
    public async Task TestLoadTableWithMissingMetadataFile_Returns404NotFound()
    {
        var ns = await Admin.NamespaceAsync("rck");
        var created = await Admin.CreateTableAsync(ns, "t");
        File.Delete(new Uri(created.GetProperty("metadata-location").GetString()!).LocalPath);
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NotFoundException", HttpMethod.Get, Table(ns, "t"));
    }

    [Fact]
    public async Task TestDropTableWithPurge_DeletesEveryFile_WithoutPurgeKeepsThem()
    {
        var ns = await Admin.NamespaceAsync("rck");
        var kept = await FilledTableAsync(ns, "kept");
        var purged = await FilledTableAsync(ns, "purged");

        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, Table(ns, "kept") + "?purgeRequested=false");
        Assert.All(kept, f => Assert.True(File.Exists(f), f));
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, Table(ns, "purged") + "?purgeRequested=true");
        Assert.All(purged, f => Assert.False(File.Exists(f), f));
        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Delete, Table(ns, "kept") + "?purgeRequested=maybe");
    }

    [Fact]
    public async Task DropAfterRenameDoesntCorruptTable()
    {
        var ns = await Admin.NamespaceAsync("rck");
        var files = await FilledTableAsync(ns, "source");
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, $"/catalogs/{IcebergFixture.Catalog}/v1/{IcebergFixture.Catalog}/tables/rename", new
        {
            source = new { @namespace = new[] { Uri.UnescapeDataString(ns) }, name = "source" },
            destination = new { @namespace = new[] { Uri.UnescapeDataString(ns) }, name = "moved" },
        });
        await Admin.CreateTableAsync(ns, "source");
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, Table(ns, "source") + "?purgeRequested=true");
        Assert.All(files.Where(f => !f.Contains("/metadata/00000-", StringComparison.Ordinal)), f => Assert.True(File.Exists(f), f));
        var moved = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "moved"));
        Assert.Equal(JsonValueKind.Number, moved.GetProperty("metadata").GetProperty("current-snapshot-id").ValueKind);
    }

    /// <summary>A table with one snapshot whose data files exist on disk; returns every file path of it.</summary>
    private async Task<List<string>> FilledTableAsync(string ns, string name)
    {
        var created = await Admin.CreateTableAsync(ns, name);
        var location = created.GetProperty("metadata").GetProperty("location").GetString()!;
        var data = new[] { TableFiles.DataFile(location, name + "-a", 3, null, [(1, IcebergTypes.Long, 1L, 3L)]) };
        foreach (var file in data)
        {
            var path = new Uri(file.FilePath).LocalPath;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, [1, 2, 3]);
        }
        await TableFiles.AppendAsync(Admin, Table(ns, name), data);
        return Directory.GetFiles(new Uri(location).LocalPath, "*", SearchOption.AllDirectories).ToList();
    }
}

using System.Text.Json;
using Iomete.Functions.IcebergRest.Tests.Support;
using Iomete.Testing;

namespace Iomete.Functions.IcebergRest.Tests.Clients;

/// <summary>The independent client iceberg-js (npm 1.0.0) runs the namespace and table lifecycles against the catalog.</summary>
public sealed class IcebergJsClientTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    [ServiceFact(TestService.Node)]
    public async Task IcebergJs_CreatesListsLoadsUpdatesAndDropsNamespaces()
    {
        var token = await fixture.AdminAccessTokenAsync();
        var uri = new Uri(fixture.Platform.BaseAddress, $"/catalogs/{IcebergFixture.Catalog}").ToString();

        var output = await NodeTools.RunScriptAsync("iceberg-namespaces.mjs", [uri, token], TimeSpan.FromSeconds(60));

        var json = output.Split('\n').Last(l => l.StartsWith('{'));
        var result = JsonDocument.Parse(json).RootElement;
        var top = result.GetProperty("top").GetString()!;
        Assert.Equal(409, result.GetProperty("duplicateCreate").GetProperty("status").GetInt32());
        Assert.Equal("AlreadyExistsException", result.GetProperty("duplicateCreate").GetProperty("type").GetString());
        Assert.True(result.GetProperty("topLevelContainsTop").GetBoolean());
        Assert.Equal([$"{top}.child_a", $"{top}.child_b"], result.GetProperty("children").Strings());
        Assert.Equal([$"{top}.child_a.deep"], result.GetProperty("grandChildren").Strings());

        var pages = result.GetProperty("pages");
        Assert.Equal([$"{top}.child_a"], pages[0].Strings());
        Assert.Equal([$"{top}.child_b"], pages[1].Strings());
        Assert.Equal(JsonValueKind.Null, pages[2].ValueKind);

        Assert.Equal("iceberg-js", result.GetProperty("loaded").GetProperty("owner").GetString());
        Assert.True(result.GetProperty("exists").GetBoolean());
        Assert.False(result.GetProperty("existsMissing").GetBoolean());
        Assert.Equal(["owner"], result.GetProperty("update").GetProperty("updated").Strings());
        Assert.Equal(["stage"], result.GetProperty("update").GetProperty("removed").Strings());
        Assert.Equal(["absent"], result.GetProperty("update").GetProperty("missing").Strings());
        Assert.Equal(["owner=someone"], result.GetProperty("afterUpdate").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"));
        Assert.Equal("NoSuchNamespaceException", result.GetProperty("loadMissing").GetProperty("type").GetString());
        Assert.Equal(409, result.GetProperty("dropNonEmpty").GetProperty("status").GetInt32());
        Assert.Equal("NamespaceNotEmptyException", result.GetProperty("dropNonEmpty").GetProperty("type").GetString());
        Assert.False(result.GetProperty("existsAfterDrop").GetBoolean());
    }

    [ServiceFact(TestService.Node)]
    public async Task IcebergJs_CreatesLoadsCommitsRenamesRegistersAndDropsTables()
    {
        var token = await fixture.AdminAccessTokenAsync();
        var uri = new Uri(fixture.Platform.BaseAddress, $"/catalogs/{IcebergFixture.Catalog}").ToString();

        var output = await NodeTools.RunScriptAsync("iceberg-tables.mjs", [uri, token], TimeSpan.FromSeconds(60));

        var json = output.Split('\n').Last(l => l.StartsWith('{'));
        var result = JsonDocument.Parse(json).RootElement;
        Assert.False(result.TryGetProperty("failure", out var failure), failure.ToString());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("createdEtag").GetString()));
        Assert.Equal(2, result.GetProperty("createdFormatVersion").GetInt32());
        Assert.Equal("AlreadyExistsException", result.GetProperty("duplicate").GetProperty("type").GetString());
        Assert.Equal(["events", "other_table"], result.GetProperty("listed").Strings());
        Assert.Equal(["events"], result.GetProperty("page1").Strings());
        Assert.True(result.GetProperty("page1HasNext").GetBoolean());
        Assert.Equal(result.GetProperty("createdLocation").GetString(), result.GetProperty("loadedLocation").GetString());
        Assert.True(result.GetProperty("notModified").GetBoolean());
        Assert.True(result.GetProperty("exists").GetBoolean());
        Assert.False(result.GetProperty("existsMissing").GetBoolean());
        Assert.Equal(1, result.GetProperty("committedSchemaId").GetInt32());
        Assert.True(result.GetProperty("committedLocationChanged").GetBoolean());
        Assert.True(result.GetProperty("modifiedAfterCommit").GetBoolean());
        Assert.Equal(409, result.GetProperty("staleCommit").GetProperty("status").GetInt32());
        Assert.Equal("CommitFailedException", result.GetProperty("staleCommit").GetProperty("type").GetString());
        Assert.Equal(400, result.GetProperty("unknownAction").GetProperty("status").GetInt32());
        Assert.False(result.GetProperty("afterRenameOld").GetBoolean());
        Assert.True(result.GetProperty("afterRenameNew").GetBoolean());
        Assert.Equal("NoSuchTableException", result.GetProperty("renameMissing").GetProperty("type").GetString());
        Assert.Equal(1, result.GetProperty("registeredSchemaId").GetInt32());
        Assert.Equal("NoSuchTableException", result.GetProperty("loadMissing").GetProperty("type").GetString());
        Assert.Equal(404, result.GetProperty("dropMissing").GetProperty("status").GetInt32());
        Assert.Empty(result.GetProperty("remaining").EnumerateArray());
    }
}

using System.Text.Json;
using Iomete.Functions.IcebergRest.Tests.Support;
using Iomete.Testing;

namespace Iomete.Functions.IcebergRest.Tests.Clients;

/// <summary>The independent client iceberg-js (npm 1.0.0) runs the namespace lifecycle against the catalog.</summary>
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
}

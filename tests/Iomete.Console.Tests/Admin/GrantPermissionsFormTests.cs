using System.Net;
using System.Text.Json;
using Iomete.Console.Pages.Admin;
using Iomete.Console.Pages.Admin.Shared;

namespace Iomete.Console.Tests.Admin;

public sealed class GrantPermissionsFormTests : AdminTestContext
{
    [Fact]
    public async Task GrantingDomainPermissions_PostsTheActorAndTheChosenPermissions_ThenResets()
    {
        SignedInAdmin();
        Platform.On(HttpMethod.Get, "/api/v1/bundles/assetTypes/DOMAIN/permissions", HttpStatusCode.OK,
            """{"assetType":"DOMAIN","permissions":["CREATE_COMPUTE","VIEW_DATA_CATALOG","CREATE_SPARK_JOB"]}""");
        Platform.On(HttpMethod.Post, "/api/v1/bundles/b1/permissions", HttpStatusCode.OK,
            """{"actorId":"u7","actorType":"USER","actorName":"bob","permissions":{"DOMAIN":["VIEW_DATA_CATALOG","CREATE_COMPUTE"]}}""");
        var granted = 0;
        Providers();
        var form = Render<GrantPermissionsForm>(p => p
            .Add(x => x.BundleId, "b1").Add(x => x.IsDomainBundle, true).Add(x => x.Granted, () => granted++));

        form.WaitForAssertion(() => Assert.Equal(3, form.FindAll("[data-testid=grant-permissions] input[type=checkbox]").Count));
        Assert.True(form.Find("[data-testid=grant]").HasAttribute("disabled"));
        Assert.Contains("Choose a user or group", form.Find("[data-testid=grant-hint]").TextContent, StringComparison.Ordinal);

        var picker = form.FindComponent<ActorPicker>();
        await form.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(new ActorChoice("u7", "USER", "bob")));
        form.Find("[data-testid=perm-VIEW_DATA_CATALOG] input").Change(true);
        form.Find("[data-testid=perm-CREATE_COMPUTE] input").Change(true);
        form.Find("[data-testid=grant]").Click();

        form.WaitForAssertion(() => Assert.Equal(1, granted));
        var sent = Platform.Sent.Single(s => s.Method == HttpMethod.Post);
        using var body = JsonDocument.Parse(sent.Body!);
        Assert.Equal("u7", body.RootElement.GetProperty("actorId").GetString());
        Assert.Equal("USER", body.RootElement.GetProperty("actorType").GetString());
        Assert.Equal(new[] { "CREATE_COMPUTE", "VIEW_DATA_CATALOG" },
            body.RootElement.GetProperty("permissions").GetProperty("DOMAIN").EnumerateArray().Select(x => x.GetString() ?? "").ToArray());
        form.WaitForAssertion(() => Assert.True(form.Find("[data-testid=grant]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task ARefusedGrant_ShowsTheProblem_AndDoesNotReportSuccess()
    {
        SignedInAdmin();
        Platform.On(HttpMethod.Get, "/api/v1/bundles/assetTypes/COMPUTE/permissions", HttpStatusCode.OK,
            """{"assetType":"COMPUTE","permissions":["VIEW","UPDATE"]}""");
        Platform.On(HttpMethod.Post, "/api/v1/bundles/r1/permissions", HttpStatusCode.BadRequest,
            """{"title":"Validation failed","status":400,"errors":{"permissions":["COMPUTE permissions need a resource bundle"]}}""");
        var granted = 0;
        Providers();
        var form = Render<GrantPermissionsForm>(p => p.Add(x => x.BundleId, "r1").Add(x => x.Granted, () => granted++));
        form.WaitForAssertion(() => Assert.Equal(2, form.FindAll("[data-testid=grant-permissions] input[type=checkbox]").Count));

        await form.InvokeAsync(() => form.FindComponent<ActorPicker>().Instance.ValueChanged.InvokeAsync(new ActorChoice("g1", "GROUP", "analysts")));
        form.Find("[data-testid=perm-VIEW] input").Change(true);
        form.Find("[data-testid=grant]").Click();

        form.WaitForAssertion(() => Assert.Contains("COMPUTE permissions need a resource bundle", form.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, granted);
        Assert.Contains("\"actorType\":\"GROUP\"", Platform.Sent.Single(s => s.Method == HttpMethod.Post).Body, StringComparison.Ordinal);
    }
}

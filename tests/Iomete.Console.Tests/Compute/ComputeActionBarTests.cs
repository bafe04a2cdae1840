using System.Net;
using System.Text.Json;
using Iomete.Console.Pages.Compute;
using MudBlazor;

namespace Iomete.Console.Tests.Compute;

public sealed class ComputeActionBarTests : ConsoleTestContext
{
    private static JsonElement Cluster(string status, string? allowed = null, string kind = "SPARK") => JsonDocument.Parse(
        $$"""{"id":"c1","name":"analytics","kind":"{{kind}}","status":"{{status}}"{{(allowed is null ? "" : $",\"allowedActions\":{allowed}")}}}""").RootElement;

    private string[] Buttons(JsonElement cluster)
    {
        SignedIn();
        var bar = Render<ComputeActionBar>(p => p.Add(x => x.Cluster, cluster).Add(x => x.Domain, "default"));
        return [.. bar.FindAll("[data-testid^=compute-action-]").Select(b => b.GetAttribute("data-testid")!["compute-action-".Length..])];
    }

    [Theory]
    [InlineData("STARTING", "terminate,restart,delete")]
    [InlineData("ACTIVE", "terminate,restart,delete")]
    [InlineData("STOPPED", "start,delete")]
    [InlineData("FAILED", "terminate,restart,delete")]
    public void EachState_OffersOnlyItsActions(string status, string expected) =>
        Assert.Equal(expected.Split(','), Buttons(Cluster(status)));

    [Fact]
    public void TheApisAllowedActions_WinOverTheTable() =>
        Assert.Equal(["start", "delete"], Buttons(Cluster("ACTIVE", """["start","configure"]""")));

    [Fact]
    public void TheLocalCompute_CanNeitherStopNorBeDeleted() =>
        Assert.Empty(Buttons(Cluster("ACTIVE", """["configure"]""", kind: "LOCAL")));

    [Fact]
    public void Stop_AsksFirst_AndPostsTerminateOnlyAfterTheConfirmation()
    {
        SignedIn();
        Platform.On(HttpMethod.Post, "/api/v2/domains/default/compute/c1/terminate", HttpStatusCode.OK, """{"id":"c1","name":"analytics","status":"STOPPED"}""");
        var dialogs = Render<MudDialogProvider>();
        JsonElement? changed = null;
        var bar = Render<ComputeActionBar>(p => p.Add(x => x.Cluster, Cluster("ACTIVE")).Add(x => x.Domain, "default")
            .Add(x => x.Changed, (JsonElement? c) => changed = c));

        bar.Find("[data-testid=compute-action-terminate]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("running queries fail", dialogs.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(Platform.Sent, s => s.Method == HttpMethod.Post);

        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Stop").Click();
        bar.WaitForAssertion(() => Assert.Equal("STOPPED", changed?.GetProperty("status").GetString()));
        Assert.Single(Platform.Sent, s => s.Method == HttpMethod.Post && s.PathAndQuery.EndsWith("/terminate", StringComparison.Ordinal));
    }

    [Fact]
    public void CancellingTheConfirmation_SendsNothing()
    {
        SignedIn();
        var dialogs = Render<MudDialogProvider>();
        var bar = Render<ComputeActionBar>(p => p.Add(x => x.Cluster, Cluster("STOPPED")).Add(x => x.Domain, "default"));
        bar.Find("[data-testid=compute-action-delete]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("cannot be undone", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("cannot be undone", dialogs.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(Platform.Sent, s => s.Method == HttpMethod.Delete);
    }
}

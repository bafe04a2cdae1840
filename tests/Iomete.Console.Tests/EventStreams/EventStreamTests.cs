using System.Net;
using Iomete.Console.Pages.EventStreams;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Console.Tests.EventStreams;

public sealed class EventStreamTests : ConsoleTestContext
{
    private const string Root = "/api/v1/domains/default/event-streams";

    private static string Stream(string status) =>
        $$"""{"id":"s1","domain":"default","name":"clicks","namespace":"iomete-system","resourceBundleId":"b1","status":"{{status}}","replicas":1,"cpuMillicores":1000,"memoryMiB":2048,"tags":[],"settings":{"commitIntervalMs":5000},"ingestPath":"/data-plane/iomete-system/event-stream/clicks/ingest","createdBy":"alice","createdAt":"2026-11-28T10:00:00+00:00","updatedAt":"2026-11-28T10:00:00+00:00","version":1}""";

    private const string Metrics =
        """{"streamId":"s1","name":"clicks","namespace":"iomete-system","status":"ACTIVE","running":true,"metrics":{"eventsPerSecond":1.5,"bytesPerSecond":100,"requestsTotal":3,"eventsTotal":42,"bytesTotal":4200,"pendingEvents":0,"pendingBytes":0,"commitsTotal":2,"errorsTotal":1,"rejectedRowsTotal":1,"deadLetterRowsTotal":0,"throttledTotal":0,"compactionsTotal":0,"commitFailuresTotal":0,"tables":[]}}""";

    private const string Connect =
        """{"endpoint":"http://h/data-plane/iomete-system/event-stream/clicks/ingest","headers":{"Authorization":"<your-access-token>","table":"spark_catalog.default.events"},"snippets":{"curl":"curl -X POST 'http://h/data-plane/iomete-system/event-stream/clicks/ingest' \\\n  -H 'Authorization: <your-access-token>' \\\n  -H 'table: spark_catalog.default.events' \\\n  -H 'Idempotency-Key: batch-0001' \\\n  -d '[]'","python":"p","javascript":"j","csharp":"c","java":"v","go":"g"}}""";

    public EventStreamTests()
    {
        SignedIn("alice", "default");
        Platform.On(HttpMethod.Get, Root + "/s1/metrics", HttpStatusCode.OK, Metrics);
        Platform.On(HttpMethod.Get, Root + "/s1/connect", HttpStatusCode.OK, Connect);
    }

    [Theory]
    [InlineData("STARTING", false, true, true)]
    [InlineData("ACTIVE", false, true, true)]
    [InlineData("STOPPED", true, false, true)]
    [InlineData("DELETED", false, false, false)]
    public void AllowedActions_FollowTheState(string status, bool start, bool stop, bool delete) =>
        Assert.Equal((start, stop, delete), (StreamActions.CanStart(status), StreamActions.CanStop(status), StreamActions.CanDelete(status)));

    [Theory]
    [InlineData("ACTIVE", "stream-stop", "stream-start")]
    [InlineData("STOPPED", "stream-start", "stream-stop")]
    public void TheDetailPage_OffersOnlyTheActionsOfItsState(string status, string shown, string hidden)
    {
        Platform.On(HttpMethod.Get, Root + "/s1", HttpStatusCode.OK, Stream(status));
        var page = Render<EventStreamDetail>(p => p.Add(x => x.Domain, "default").Add(x => x.Id, "s1"));

        page.WaitForAssertion(() => Assert.Equal(status, page.Find("[data-testid=stream-state]").TextContent.Trim()));
        Assert.Single(page.FindAll($"[data-testid={shown}]"));
        Assert.Empty(page.FindAll($"[data-testid={hidden}]"));
        Assert.Single(page.FindAll("[data-testid=stream-delete]"));
        page.WaitForAssertion(() => Assert.Equal("42", page.Find("[data-testid=events-total]").TextContent));
    }

    [Fact]
    public void Snippets_GetTheTokenTableAndKeyFilledIn()
    {
        const string snippet = "curl -H 'Authorization: <your-access-token>' -H 'table: spark_catalog.default.events' -H 'Idempotency-Key: batch-0001'";

        Assert.Equal("curl -H 'Authorization: tok' -H 'table: c.d.t' -H 'Idempotency-Key: k1'", StreamSnippets.Fill(snippet, " tok ", "c.d.t", "k1"));
        Assert.Equal(snippet, StreamSnippets.Fill(snippet, null, "", null));
        Assert.True(StreamSnippets.IsTableName("spark_catalog.web.clicks"));
        Assert.False(StreamSnippets.IsTableName("web.clicks"));
        Assert.False(StreamSnippets.IsTableName("a..b"));
    }

    [Fact]
    public void TheConnectTab_ShowsTheCurlSnippet_WithWhatTheUserEntered()
    {
        Platform.On(HttpMethod.Get, Root + "/s1", HttpStatusCode.OK, Stream("ACTIVE"));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/default/event-streams/s1?tab=connect");
        var page = Render<EventStreamDetail>(p => p.Add(x => x.Domain, "default").Add(x => x.Id, "s1"));
        page.WaitForAssertion(() => Assert.Contains("<your-access-token>", page.Find("[data-testid=snippet-curl]").TextContent, StringComparison.Ordinal));

        page.Find("#connect-token").Input("my-token");
        page.Find("#connect-table").Input("spark_catalog.web.clicks");

        var curl = page.Find("[data-testid=snippet-curl]").TextContent;
        Assert.Contains("-H 'Authorization: my-token'", curl, StringComparison.Ordinal);
        Assert.Contains("-H 'table: spark_catalog.web.clicks'", curl, StringComparison.Ordinal);
        Assert.DoesNotContain("batch-0001", curl, StringComparison.Ordinal);
        Assert.Contains("http://h/data-plane/iomete-system/event-stream/clicks/ingest", page.Find("[data-testid=ingest-url]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ChecksTheNameAsTyped_AndShowsTheApisFieldMessages()
    {
        Platform.OnPrefix(HttpMethod.Get, "/api/v1/bundles?domain=default", HttpStatusCode.OK, """{"items":[{"id":"b1","name":"analytics"}],"total":1,"offset":0,"limit":1000}""");
        Platform.On(HttpMethod.Post, Root, HttpStatusCode.Conflict,
            """{"title":"Conflict","status":409,"errorCode":"CONFLICT","detail":"A stream named clicks exists in iomete-system.","errors":{"name":["is taken in iomete-system"]}}""");
        var page = Render<EventStreamCreate>(p => p.Add(x => x.Domain, "default"));

        page.Find("#stream-name").Input("Bad_Name");
        page.Find("[data-testid=stream-save]").Click();
        Assert.Contains("lower-case", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Platform.Sent, s => s.Method == HttpMethod.Post);

        page.Find("#stream-name").Input("clicks");
        page.Find("[data-testid=stream-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("is taken in iomete-system", page.Markup, StringComparison.Ordinal));
        var sent = Platform.Sent.Single(s => s.Method == HttpMethod.Post);
        Assert.Contains("\"name\":\"clicks\"", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"resourceBundleId\":\"b1\"", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"commitIntervalMs\":5000", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void TheListPath_CarriesPagingSortingAndFilters()
    {
        var state = new MudBlazor.TableState { Page = 2, PageSize = 25, SortLabel = "createdAt", SortDirection = MudBlazor.SortDirection.Descending };

        Assert.Equal("event-streams?offset=50&limit=25&sort=-createdAt&search=click&status=ACTIVE", EventStreamList.ListPath(state, " click ", "ACTIVE"));
        Assert.Equal("event-streams?offset=0&limit=10&sort=name", EventStreamList.ListPath(new MudBlazor.TableState { Page = 0, PageSize = 10 }, null, null));
    }

    // MudBlazor's services dispose only asynchronously.
}

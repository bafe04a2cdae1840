using System.Net;
using Iomete.Console.Pages.Compute;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Iomete.Console.Tests.Compute;

public sealed class ComputeFormTests : ConsoleTestContext
{
    [Fact]
    public void TheRequest_CarriesMapsListsAndTags_AndDisablingAutoSuspendSendsNull()
    {
        var form = new ComputeForm
        {
            Name = " etl ", DriverType = "driver-small", ExecutorType = "exec-small", MaxExecutors = 4, AutoSuspend = false,
            SparkConf = "spark.sql.shuffle.partitions = 8\n\nspark.a=b=c", Jars = "s3a://x/a.jar\n  \n", Tags = "team=data",
        };
        var body = form.ToRequest();
        Assert.Equal("etl", body["name"]);
        Assert.True(body.ContainsKey("autoSuspendSeconds"));
        Assert.Null(body["autoSuspendSeconds"]);
        Assert.Equal(new Dictionary<string, string> { ["spark.sql.shuffle.partitions"] = "8", ["spark.a"] = "b=c" }, body["sparkConf"]);
        Assert.Equal(["s3a://x/a.jar"], (List<string>)((Dictionary<string, object?>)body["deps"]!)["jars"]!);
    }

    [Fact]
    public void ASingleNodeCluster_SendsNoExecutors()
    {
        var body = new ComputeForm { Name = "one", DeploymentType = "SINGLE_NODE", ExecutorType = "exec-small" }.ToRequest();
        Assert.Null(body["executorType"]);
        Assert.Null(body["maxExecutors"]);
    }

    [Theory]
    [InlineData("name", 0)]
    [InlineData("sparkConf", 1)]
    [InlineData("envSecrets[0].key", 1)]
    [InlineData("deps.jars", 2)]
    [InlineData("image", 3)]
    [InlineData("resourceTags[1]", 4)]
    public void AProblemField_OpensTheTabThatHoldsIt(string field, int tab) => Assert.Equal(tab, ComputeForm.TabOf(field));

    [Fact]
    public void TheCreatePage_ShowsThePlatformsFieldMessage_InlineUnderTheName()
    {
        SignedIn(permissions: "CREATE_COMPUTE");
        Platform.OnPrefix(HttpMethod.Get, "/api/v1/bundles", HttpStatusCode.OK, """{"items":[{"id":"b1","name":"Data team"}],"total":1}""");
        Platform.On(HttpMethod.Get, "/api/v1/domains/default/namespaces", HttpStatusCode.OK, """[{"name":"iomete-system","isDefault":true}]""");
        Platform.OnPrefix(HttpMethod.Get, "/api/v1/domains/default/node-types", HttpStatusCode.OK,
            """{"items":[{"name":"driver-small","cpu":1000,"memory":2048}],"total":1}""");
        Platform.On(HttpMethod.Post, "/api/v2/domains/default/compute", HttpStatusCode.BadRequest,
            """{"title":"Validation failed","status":400,"errorCode":"VALIDATION","errors":{"name":["must be 1 to 53 lowercase letters"]}}""");
        Render<MudPopoverProvider>();
        var page = Render<ComputeNew>(p => p.Add(x => x.Domain, "default"));
        page.WaitForAssertion(() => page.Find("[data-testid=compute-create]"));
        page.Find("#compute-name").Input("Bad Name");
        page.Find("[data-testid=compute-create]").Click();

        page.WaitForAssertion(() => Assert.Contains("must be 1 to 53 lowercase letters", page.Find(".mud-input-helper-text.mud-input-error").TextContent, StringComparison.Ordinal));
        var sent = Platform.Sent.Single(s => s.Method == HttpMethod.Post);
        Assert.Contains("\"name\":\"Bad Name\"", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"resourceBundleId\":\"b1\"", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"driverType\":\"driver-small\"", sent.Body, StringComparison.Ordinal);
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }
}

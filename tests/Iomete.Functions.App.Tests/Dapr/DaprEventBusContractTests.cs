using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapr;
using Dapr.Client.Autogen.Grpc.v1;
using Iomete.Platform.Dapr;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.App.Tests.Dapr;

public sealed class DaprEventBusContractTests : IAsyncLifetime
{
    private FakeDaprSidecar _sidecar = null!;

    public async Task InitializeAsync() => _sidecar = await FakeDaprSidecar.StartAsync();

    public async Task DisposeAsync() => await _sidecar.DisposeAsync();

    [Fact]
    public async Task DaprEventBus_ContractTest_APublish_SendsJsonDataToTheConfiguredPubSubAndTopic()
    {
        var bus = new DaprEventBus(_sidecar.Client, FakeDaprSidecar.Options);
        var at = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var change = new SqlQueryStateChanged("default", "q-1", "alice", null, "QUEUED", "RUNNING", null, at);

        await bus.PublishAsync(PlatformTopics.SqlQueries, change, CancellationToken.None);

        var sent = Assert.Single(_sidecar.State.Published);
        Assert.Equal(FakeDaprSidecar.PubSubName, sent.PubsubName);
        Assert.Equal(PlatformTopics.SqlQueries, sent.Topic);
        // The sidecar wraps JSON data in a CloudEvent with this datacontenttype; a CloudEvent content type here would
        // make it forward the bytes as the envelope instead.
        Assert.Equal("application/json", sent.DataContentType);
        Assert.Empty(sent.Metadata);
        using var json = JsonDocument.Parse(sent.Data.Memory);
        Assert.Equal("q-1", json.RootElement.GetProperty("queryId").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("compute").ValueKind);
        // What a subscription function gets: the sidecar's CloudEvent around the data, read as the handlers read it.
        Assert.Equal(change, await DeliveredDataAsync<SqlQueryStateChanged>(sent));
    }

    [Fact]
    public async Task DaprEventBus_ContractTest_APublishToAPubSubTheSidecarDoesNotHave_Throws()
    {
        var bus = new DaprEventBus(_sidecar.Client, Options.Create(new DaprOptions { PubSubName = "missing" }));

        await Assert.ThrowsAsync<DaprException>(() => bus.PublishAsync("topic", new { A = 1 }, CancellationToken.None));
        Assert.Empty(_sidecar.State.Published);
    }

    private static async Task<T> DeliveredDataAsync<T>(PublishEventRequest sent)
        where T : class
    {
        var envelope = new JsonObject
        {
            ["specversion"] = CloudEvents.SpecVersion,
            ["id"] = "1",
            ["source"] = "iomete-sql",
            ["type"] = CloudEvents.EventType,
            ["datacontenttype"] = sent.DataContentType,
            ["topic"] = sent.Topic,
            ["pubsubname"] = sent.PubsubName,
            ["data"] = JsonNode.Parse(sent.Data.ToStringUtf8()),
        };
        await using var services = new ServiceCollection().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.ContentType = "application/cloudevents+json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(envelope.ToJsonString()));
        return await CloudEvents.ReadDataAsync<T>(context.Request, CancellationToken.None);
    }
}

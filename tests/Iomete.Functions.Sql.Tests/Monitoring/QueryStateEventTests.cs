using System.Collections.Concurrent;
using System.Net;
using Iomete.Functions.Sql.Tests.Support;
using Iomete.Platform.Messaging;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Iomete.Functions.Sql.Tests.Support.SqlFixture;

namespace Iomete.Functions.Sql.Tests.Monitoring;

/// <summary>Every committed status change of a query is published on <c>sql-queries</c>, in order.</summary>
public sealed class QueryStateEventTests
{
    [Fact]
    public async Task AQuery_PublishesSubmittedRunningCompleted_AndACancelPublishesCancellingCancelled()
    {
        var bus = new RecordingBus();
        await using var platform = await LocalPlatform.StartAsync(new Dictionary<string, string?>(), builder =>
        {
            SqlFixture.UseStandInEngine(builder, new StandInDuckDbEngine(), new RecordingCatalogFactory());
            builder.Services.AddSingleton<IEventBus>(bus);
        });
        using var admin = await platform.LoginAsync();

        var done = await RunAsync(admin, "SELECT 1 AS one");
        var id = done.Str("id");
        Assert.Equal(
            [(null, "SUBMITTED"), ("SUBMITTED", "RUNNING"), ("RUNNING", "COMPLETED")],
            bus.For(id).Select(e => (e.PreviousStatus, e.Status)).ToList());
        var completed = bus.For(id)[^1];
        Assert.Equal(Domain, completed.Domain);
        Assert.Equal(done.Str("userId"), completed.UserId);
        Assert.Equal("local", completed.Compute);

        var failed = await RunAsync(admin, "SELEC 1");
        var failure = bus.For(failed.Str("id"))[^1];
        Assert.Equal("FAILED", failure.Status);
        Assert.Contains("SELEC", failure.Error, StringComparison.Ordinal);

        var submitted = await admin.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, QueriesUrl,
            new { query = "SELECT count(*) FROM range(10000000000000)", computeCluster = "local" });
        var running = submitted.Str("id");
        await PollAsync(admin, running, TimeSpan.FromSeconds(10), "RUNNING");
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{QueriesUrl}/{running}/cancel");
        await PollAsync(admin, running, TimeSpan.FromSeconds(30), "CANCELLED");
        Assert.Equal(["SUBMITTED", "RUNNING", "CANCELLING", "CANCELLED"], bus.For(running).Select(e => e.Status).ToList());
    }

    private sealed class RecordingBus : IEventBus
    {
        private readonly ConcurrentQueue<SqlQueryStateChanged> _events = new();

        public Task PublishAsync<T>(string topic, T payload, CancellationToken ct)
        {
            if (topic == PlatformTopics.SqlQueries && payload is SqlQueryStateChanged change)
            {
                _events.Enqueue(change);
            }
            return Task.CompletedTask;
        }

        public List<SqlQueryStateChanged> For(string id) => _events.Where(e => e.QueryId == id).ToList();
    }
}

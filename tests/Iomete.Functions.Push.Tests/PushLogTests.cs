using Iomete.Functions.Push.Log;
using Iomete.Functions.Push.Visibility;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Push.Tests;

/// <summary>The push log on the platform's metadata database: gapless numbering under concurrent appends, idempotency, trimming.</summary>
public abstract class PushLogTests(PushFixture fixture)
{
    private PushLog Log => fixture.Platform.Services.GetRequiredService<PushLog>();

    private static PushDraft Draft(string id) =>
        new(id, PushEventTypes.HealthStatus, PushTopics.Health, new Audience(AudienceKinds.Admins), "{\"component\":\"" + id + "\"}", DateTimeOffset.UtcNow);

    [Fact]
    public async Task ConcurrentAppends_GetDistinctGaplessSequences()
    {
        if (!fixture.Started)
        {
            return;
        }
        var ids = Enumerable.Range(0, 40).Select(_ => "test/" + Guid.NewGuid()).ToList();
        var seqs = await Task.WhenAll(ids.Select(id => Log.AppendAsync(Draft(id), CancellationToken.None)));

        var numbers = seqs.Select(s => s!.Value).Order().ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(numbers[^1] - numbers[0] + 1, numbers.Count);
        var read = await Log.ReadAfterAsync(numbers[0] - 1, 1000, CancellationToken.None);
        Assert.Equal(numbers, read.Where(e => ids.Contains(e.Payload[14..^2])).Select(e => e.Seq));
    }

    [Fact]
    public async Task AppendingTheSameIdTwice_ReturnsNullTheSecondTime()
    {
        if (!fixture.Started)
        {
            return;
        }
        var id = "test/" + Guid.NewGuid();
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Log.AppendAsync(Draft(id), CancellationToken.None)));
        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task AnEventReadBack_KeepsItsTypeAudienceAndFrame()
    {
        if (!fixture.Started)
        {
            return;
        }
        var id = "test/" + Guid.NewGuid();
        var seq = await Log.AppendAsync(Draft(id) with { Type = PushEventTypes.SparkRun, Audience = new Audience(AudienceKinds.SparkJob, "default", "job-1") }, CancellationToken.None);

        var e = Assert.Single(await Log.ReadAfterAsync(seq!.Value - 1, 1, CancellationToken.None));
        Assert.Equal(PushEventTypes.SparkRun, e.Type);
        Assert.Equal(new Audience(AudienceKinds.SparkJob, "default", "job-1"), e.Audience);
        Assert.Equal($"id: {seq}\nevent: spark.run\ndata: {{\"component\":\"{id}\"}}\n\n", System.Text.Encoding.UTF8.GetString(e.Frame));
    }
}

public sealed class SqlitePushLogTests(PushFixture fixture) : PushLogTests(fixture), IClassFixture<PushFixture>;

/// <summary>The same log on the shared test PostgreSQL server (skipped locally when it cannot run; CI fails instead).</summary>
public sealed class PostgresPushFixture : PushFixture
{
    private IDictionary<string, string?>? settings;

    public override async Task InitializeAsync()
    {
        if (PostgresServer.MissingReason() is not null && !Requires.InCi)
        {
            return;
        }
        var server = await PostgresServer.SharedAsync();
        settings = server.Settings(PostgresServer.NewDatabasePrefix());
        await base.InitializeAsync();
    }

    protected override IDictionary<string, string?> Settings() => settings ?? new Dictionary<string, string?>();
}

public sealed class PostgresPushLogTests(PostgresPushFixture fixture) : PushLogTests(fixture), IClassFixture<PostgresPushFixture>;

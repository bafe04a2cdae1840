using System.Net;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Platform.Errors;
using Iomete.Platform.Messaging;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>Contract tests of the submit queue against the API server stand-in: bounded parallelism, idempotent retries, bounded waiting.</summary>
public sealed class SubmitQueueTests : IAsyncLifetime
{
    private FakeKubeApiServer server = null!;
    private KubernetesSparkApplications applications = null!;

    public async Task InitializeAsync()
    {
        server = await FakeKubeApiServer.StartAsync();
        applications = new KubernetesSparkApplications(
            new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.Address.ToString().TrimEnd('/') }), NullLogger<KubernetesSparkApplications>.Instance);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private SubmitQueue Queue(int parallelism, int limit = 10_000) =>
        new(applications, new MemoryState(), Options.Create(new DataPlaneOptions { ApiServer = server.Address.ToString(), SubmitParallelism = parallelism, SubmitQueueLimit = limit }));

    [Fact]
    public async Task ABurstOfSubmissions_NeverHasMoreCreatesInFlightThanTheParallelism()
    {
        server.CreateDelay = TimeSpan.FromMilliseconds(30);
        using var queue = Queue(parallelism: 3);
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            queue.SubmitAsync($"run-{i}", SparkApplicationsContractTests.Application($"run-{i}"), CancellationToken.None)));
        Assert.Equal(30, server.Created.Count);
        Assert.InRange(server.MaxConcurrentCreates, 2, 3);
    }

    [Fact]
    public async Task ARetriedSubmission_WithTheSameKey_CreatesNothingNew()
    {
        using var queue = Queue(parallelism: 2);
        var first = await queue.SubmitAsync("key-1", SparkApplicationsContractTests.Application("job-a"), CancellationToken.None);
        var again = await queue.SubmitAsync("key-1", SparkApplicationsContractTests.Application("job-a-retry"), CancellationToken.None);
        Assert.Equal(first.Name, again.Name);
        Assert.Single(server.Created);
    }

    [Fact]
    public async Task BeyondTheQueueLimit_SubmissionsAreRefusedWith429()
    {
        server.CreateDelay = TimeSpan.FromMilliseconds(300);
        using var queue = Queue(parallelism: 1, limit: 2);
        var accepted = Enumerable.Range(0, 2).Select(i => queue.SubmitAsync($"q-{i}", SparkApplicationsContractTests.Application($"q-{i}"), CancellationToken.None)).ToList();
        await Task.Delay(50);
        var refused = await Assert.ThrowsAsync<TooManyRequestsException>(() =>
            queue.SubmitAsync("q-2", SparkApplicationsContractTests.Application("q-2"), CancellationToken.None));
        Assert.Equal(429, refused.Status);
        await Task.WhenAll(accepted);
    }

    [Fact]
    public async Task WithoutADataPlane_SparkWorkIsRefusedWithWhatToConfigure()
    {
        var unconfigured = new UnconfiguredSparkApplications();
        var refused = await Assert.ThrowsAsync<DataPlaneNotConfiguredException>(() =>
            unconfigured.CreateAsync(SparkApplicationsContractTests.Application("x"), CancellationToken.None));
        Assert.Equal((int)HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("Iomete:Kubernetes:ApiServer", refused.Detail, StringComparison.Ordinal);
    }

    private sealed class MemoryState : IStateStore
    {
        private readonly Dictionary<string, object> values = [];

        public Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken ct)
        {
            lock (values)
            {
                return Task.FromResult(values.TryGetValue(key, out var v) ? new StateEntry<T>((T)v, "1") : null);
            }
        }

        public Task<bool> TrySaveAsync<T>(string key, T value, string? etag, CancellationToken ct)
        {
            lock (values)
            {
                values[key] = value!;
            }
            return Task.FromResult(true);
        }

        public Task DeleteAsync(string key, CancellationToken ct)
        {
            lock (values)
            {
                values.Remove(key);
            }
            return Task.CompletedTask;
        }
    }
}

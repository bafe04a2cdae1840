using Iomete.Functions.EventStreams.Ingest.Wal;
using Microsoft.Extensions.Time.Testing;

namespace Iomete.Functions.EventStreams.Tests.Ingest;

public sealed class IdempotencyIndexTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("keys-").FullName;
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-11-28T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private IdempotencyRecord Record(string key) => new(key, [1, 2, 3], "req-" + key, 10, 1, time.GetUtcNow().ToUnixTimeMilliseconds());

    [Fact]
    public void ClaimedKey_RefusesAConcurrentDuplicate_UntilReleased()
    {
        using var index = new IdempotencyIndex(directory, TimeSpan.FromHours(1), 1000, time);
        Assert.True(index.TryClaim("a", out var known));
        Assert.Null(known);
        Assert.False(index.TryClaim("a", out _));
        index.Release("a");
        Assert.True(index.TryClaim("a", out _));
    }

    [Fact]
    public void CompletedKey_ReturnsTheRememberedAnswer()
    {
        using var index = new IdempotencyIndex(directory, TimeSpan.FromHours(1), 1000, time);
        index.TryClaim("a", out _);
        index.Complete(Record("a"));
        Assert.True(index.TryClaim("a", out var known));
        Assert.Equal("req-a", known!.RequestId);
        Assert.Equal(10, known.Events);
    }

    [Fact]
    public void PersistedKeys_SurviveReopen_AndExpireAfterTheWindow()
    {
        using (var index = new IdempotencyIndex(directory, TimeSpan.FromHours(1), 1000, time))
        {
            index.Persist([Record("a"), Record("b")]);
        }
        using (var reopened = new IdempotencyIndex(directory, TimeSpan.FromHours(1), 1000, time))
        {
            Assert.Equal(2, reopened.Count);
            Assert.True(reopened.TryClaim("b", out var known));
            Assert.Equal("req-b", known!.RequestId);
        }
        time.Advance(TimeSpan.FromHours(2));
        using var expired = new IdempotencyIndex(directory, TimeSpan.FromHours(1), 1000, time);
        Assert.Equal(0, expired.Count);
    }

    [Fact]
    public void MaxKeys_ForgetsTheOldestFirst()
    {
        using var index = new IdempotencyIndex(directory, TimeSpan.FromHours(1), 1000, time);
        for (var i = 0; i < 1005; i++)
        {
            index.Complete(Record("k" + i));
        }
        Assert.True(index.TryClaim("k0", out var first));
        Assert.Null(first);
        Assert.True(index.TryClaim("k1004", out var last));
        Assert.NotNull(last);
    }
}

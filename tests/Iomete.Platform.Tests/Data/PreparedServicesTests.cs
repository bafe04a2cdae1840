using Iomete.Platform.Data;

namespace Iomete.Platform.Tests.Data;

public sealed class PreparedServicesTests
{
    private static readonly ServiceDatabase Svc = new("svc", typeof(PreparedServicesTests).Assembly);

    [Fact]
    public async Task Get_PreparesOnce_ForManyConcurrentCallers()
    {
        var services = new PreparedServices<int>([Svc]);
        var calls = 0;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => services.GetAsync("svc", async _ =>
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(50);
            return 42;
        }, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(42, r));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Get_AfterAFailedPreparation_TriesAgain()
    {
        var services = new PreparedServices<int>([Svc]);
        var calls = 0;
        Task<int> Prepare(ServiceDatabase _) => ++calls == 1
            ? Task.FromException<int>(new TimeoutException("server down"))
            : Task.FromResult(7);

        await Assert.ThrowsAsync<TimeoutException>(() => services.GetAsync("svc", Prepare, CancellationToken.None));
        var second = await services.GetAsync("svc", Prepare, CancellationToken.None);

        Assert.Equal(7, second);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Get_OfAnUnregisteredService_Throws()
    {
        var services = new PreparedServices<int>([Svc]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetAsync("other", _ => Task.FromResult(1), CancellationToken.None));
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("a;drop")]
    [InlineData("a\"b")]
    [InlineData("")]
    [InlineData("1abc")]
    public void Constructor_RejectsServiceNamesUnfitForFilesAndDatabases(string name)
    {
        Assert.Throws<ArgumentException>(() => new PreparedServices<int>([new ServiceDatabase(name, typeof(PreparedServicesTests).Assembly)]));
    }
}

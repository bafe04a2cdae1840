using System.Text;
using Iomete.Platform.Functions;
using Iomete.Platform.Storage;
using Iomete.Platform.Tests.TestSupport;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Platform.Tests.Storage;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly TempFolder _dataDir = new();

    public void Dispose() => _dataDir.Dispose();

    [Fact]
    public async Task ByDefault_TheStoreIsTheWarehouseFolderUnderTheDataDir_AndItIsReady()
    {
        await using var services = PlatformServices.Build(new Dictionary<string, string?> { ["Iomete:DataDir"] = _dataDir.Path });

        var store = services.GetRequiredService<IObjectStore>();
        await store.PutAsync("probe.txt", new MemoryStream([1, 2, 3]), null, CancellationToken.None);
        var check = Assert.Single(services.GetServices<IReadinessCheck>(), c => c.Name == "storage");
        await check.CheckAsync(CancellationToken.None);

        Assert.IsType<LocalFolderObjectStore>(store);
        Assert.Equal(new Uri(Path.Combine(_dataDir.Path, "warehouse")).AbsoluteUri, store.RootUri);
        Assert.True(File.Exists(Path.Combine(_dataDir.Path, "warehouse", "probe.txt")));
    }

    [Fact]
    public async Task LocalRoot_MovesTheLocalStore()
    {
        var root = Path.Combine(_dataDir.Path, "elsewhere");
        await using var services = PlatformServices.Build(new Dictionary<string, string?>
        {
            ["Iomete:DataDir"] = _dataDir.Path,
            ["Iomete:Storage:LocalRoot"] = root,
        });

        Assert.Equal(new Uri(root).AbsoluteUri, services.GetRequiredService<IObjectStore>().RootUri);
    }

    [Fact]
    public async Task S3_WithoutABucket_FailsOptionsValidation()
    {
        await using var services = PlatformServices.Build(new Dictionary<string, string?>
        {
            ["Iomete:DataDir"] = _dataDir.Path,
            ["Iomete:Storage:Type"] = "S3",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ObjectStoreOptions>>().Value);

        Assert.Contains("Bucket", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S3_WithAPartSizeBelowTheS3Minimum_FailsOptionsValidation()
    {
        await using var services = PlatformServices.Build(new Dictionary<string, string?>
        {
            ["Iomete:DataDir"] = _dataDir.Path,
            ["Iomete:Storage:Type"] = "S3",
            ["Iomete:Storage:S3:Bucket"] = "b",
            ["Iomete:Storage:S3:PartSizeBytes"] = "1048576",
        });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IObjectStore>());
    }

    [ServiceFact(TestService.S3rver)]
    public async Task S3_FromConfiguration_StoresInTheBucket_AndIsReady()
    {
        var server = await S3rverServer.SharedAsync();
        var prefix = "reg" + Guid.NewGuid().ToString("N")[..8];
        var settings = server.Settings(prefix);
        settings["Iomete:DataDir"] = _dataDir.Path;
        await using var services = PlatformServices.Build(settings);

        var store = services.GetRequiredService<IObjectStore>();
        await store.PutAsync("a.txt", new MemoryStream(Encoding.UTF8.GetBytes("via DI")), null, CancellationToken.None);
        await services.GetServices<IReadinessCheck>().Single(c => c.Name == "storage").CheckAsync(CancellationToken.None);

        Assert.IsType<S3ObjectStore>(store);
        Assert.Equal($"s3a://{server.Bucket}/{prefix}", store.RootUri);
        Assert.False(store.SupportsConditionalPut);
        await using var read = await store.OpenReadAsync("a.txt", null, CancellationToken.None);
        Assert.Equal("via DI", await new StreamReader(read).ReadToEndAsync());
    }

    [ServiceFact(TestService.S3rver)]
    public async Task S3_WithAMissingBucket_IsNotReady()
    {
        var server = await S3rverServer.SharedAsync();
        var settings = server.Settings("x");
        settings["Iomete:DataDir"] = _dataDir.Path;
        settings["Iomete:Storage:S3:Bucket"] = "no-such-bucket";
        await using var services = PlatformServices.Build(settings);

        var check = services.GetServices<IReadinessCheck>().Single(c => c.Name == "storage");

        await Assert.ThrowsAnyAsync<Exception>(() => check.CheckAsync(CancellationToken.None));
    }
}

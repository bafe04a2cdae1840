using Iomete.Testing;

namespace Iomete.Integration.Tests;

/// <summary>One embedded platform (SQLite, local folder) shared by a test class.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public LocalPlatform Platform { get; private set; } = null!;

    public async Task InitializeAsync() => Platform = await LocalPlatform.StartAsync();

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}

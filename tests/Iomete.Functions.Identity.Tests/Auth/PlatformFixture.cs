using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Auth;

/// <summary>One local platform shared by the tests of a class.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private LocalPlatform? _platform;

    public LocalPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync() => _platform = await LocalPlatform.StartAsync();

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}

using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Auth;

/// <summary>
/// One local platform shared by the tests of a class. All tests call from 127.0.0.1, so the
/// per-IP login limit is raised here; the throttle tests use their own platforms.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private LocalPlatform? _platform;

    public LocalPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync() => _platform = await LocalPlatform.StartAsync(new Dictionary<string, string?>
    {
        ["Iomete:Identity:MaxFailedLoginsPerIp"] = "1000",
    });

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}

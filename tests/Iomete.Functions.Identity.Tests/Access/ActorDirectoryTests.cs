using Iomete.Functions.Identity.Access;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Access;

public abstract class ActorDirectoryContract : IAsyncLifetime
{
    private RasServices _ras = null!;

    protected abstract Task<RasServices> StartAsync();

    public async Task InitializeAsync() => _ras = await StartAsync();

    public async Task DisposeAsync() => await _ras.DisposeAsync();

    [ServiceFact]
    public async Task UnknownActors_HaveNoName_AndCannotBeRequired()
    {
        var directory = _ras.Get<ActorDirectory>();

        Assert.Empty(await directory.NamesAsync([("USER", "gone"), ("GROUP", "gone")], CancellationToken.None));
        Assert.Null(await directory.FindAsync(ActorType.User, "gone", CancellationToken.None));
        await Assert.ThrowsAsync<Platform.Errors.NotFoundException>(() => directory.RequireAsync(new ActorRequest("gone", ActorType.Group), CancellationToken.None));
    }
}

public sealed class ActorDirectoryOnSqliteTests : ActorDirectoryContract
{
    protected override Task<RasServices> StartAsync() => RasServices.OnSqliteAsync();
}

[NeedsServices(TestService.Postgres)]
public sealed class ActorDirectoryOnPostgresTests : ActorDirectoryContract
{
    protected override Task<RasServices> StartAsync() => RasServices.OnPostgresAsync();
}

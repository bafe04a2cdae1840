using Iomete.Functions.Identity.Access;

namespace Iomete.Functions.Identity.Tests.Access;

public sealed class ActorDirectoryTests : IAsyncLifetime
{
    private readonly RasServices _ras = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ras.DisposeAsync();

    [Fact]
    public async Task UnknownActors_HaveNoName_AndCannotBeRequired()
    {
        var directory = _ras.Get<ActorDirectory>();

        Assert.Empty(await directory.NamesAsync([("USER", "gone"), ("GROUP", "gone")], CancellationToken.None));
        Assert.Null(await directory.FindAsync(ActorType.User, "gone", CancellationToken.None));
        await Assert.ThrowsAsync<Platform.Errors.NotFoundException>(() => directory.RequireAsync(new ActorRequest("gone", ActorType.Group), CancellationToken.None));
    }
}

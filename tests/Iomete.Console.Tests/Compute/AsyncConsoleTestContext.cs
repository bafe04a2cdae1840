namespace Iomete.Console.Tests.Compute;

/// <summary>
/// A console test context disposed asynchronously: MudBlazor's dialog and button services are only IAsyncDisposable, so the
/// synchronous dispose xunit 2 calls would throw once a test opened a dialog.
/// </summary>
public abstract class AsyncConsoleTestContext : ConsoleTestContext, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

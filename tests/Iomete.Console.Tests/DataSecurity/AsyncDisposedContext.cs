namespace Iomete.Console.Tests.DataSecurity;

/// <summary>
/// MudBlazor's popover and pointer-event services only dispose asynchronously; xunit 2 disposes test classes
/// synchronously, so these tests dispose the context through <c>DisposeAsync</c>.
/// </summary>
public abstract class AsyncDisposedContext : ConsoleTestContext, IDisposable
{
    void IDisposable.Dispose()
    {
        DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }
}

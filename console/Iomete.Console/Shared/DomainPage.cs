using Iomete.Console.Api;
using Iomete.Console.Push;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Iomete.Console.Shared;

/// <summary>
/// The base of every domain-scoped page (routes <c>/{domain}/…</c>): the URL names the domain, so a deep link opens
/// the same object for anyone who may see it; the session follows the URL.
/// </summary>
public abstract class DomainPage : ComponentBase, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];
    private readonly CancellationTokenSource closed = new();
    private bool listensForResync;

    [Parameter] public string Domain { get; set; } = "";

    [Inject] protected ApiClient Api { get; set; } = null!;

    [Inject] protected ConsoleSession Session { get; set; } = null!;

    [Inject] protected PushClient Push { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [Inject] protected ISnackbar Snackbar { get; set; } = null!;

    [Inject] protected IDialogService Dialogs { get; set; } = null!;

    /// <summary>A console link inside this page's domain: <c>/{domain}/</c> + <paramref name="rest"/>.</summary>
    protected string Link(string rest) => $"/{Uri.EscapeDataString(Domain)}/{rest.TrimStart('/')}";

    protected override async Task OnParametersSetAsync()
    {
        if (!listensForResync)
        {
            // Events may have been missed (the push log moved on while the stream was down): load the page again.
            Push.Resynced += ReloadAsync;
            listensForResync = true;
        }
        if (!string.IsNullOrEmpty(Domain) && Session.Domain != Domain)
        {
            await Session.SetDomainAsync(Domain);
        }
        await OnDomainParametersSetAsync();
    }

    /// <summary>Called after the session follows the URL's domain; load the page's data here.</summary>
    protected virtual Task OnDomainParametersSetAsync() => Task.CompletedTask;

    private Task ReloadAsync() => InvokeAsync(async () =>
    {
        await OnDomainParametersSetAsync();
        StateHasChanged();
    });

    /// <summary>Refreshes the page on each pushed event of <paramref name="type"/> while it is shown.</summary>
    protected void OnPush(string type, Func<PushMessage, Task> handler) =>
        subscriptions.Add(Push.Subscribe(type, async m =>
        {
            await InvokeAsync(async () =>
            {
                await handler(m);
                StateHasChanged();
            });
        }));

    /// <summary>
    /// The safety net under the push stream: every <paramref name="interval"/> while the page is shown, runs
    /// <paramref name="load"/> and re-renders, but only on ticks where <paramref name="active"/> holds (an unfinished run).
    /// </summary>
    protected void Poll(TimeSpan interval, Func<bool> active, Func<Task> load) => _ = PollAsync(interval, active, load, closed.Token);

    private async Task PollAsync(TimeSpan interval, Func<bool> active, Func<Task> load, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (active())
                {
                    await InvokeAsync(async () =>
                    {
                        await load();
                        StateHasChanged();
                    });
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    public void Dispose()
    {
        closed.Cancel();
        closed.Dispose();
        foreach (var s in subscriptions)
        {
            s.Dispose();
        }
        subscriptions.Clear();
        Push.Resynced -= ReloadAsync;
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

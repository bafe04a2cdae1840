namespace Iomete.Console.Pages.Sql;

public enum SaveState
{
    /// <summary>Nothing to save: what is shown is what is stored.</summary>
    Saved,
    /// <summary>Changed; a save is due after the quiet period.</summary>
    Pending,
    Saving,
    /// <summary>The last save failed (see the problem); the next change or Ctrl+S tries again.</summary>
    Failed,
    /// <summary>Not a worksheet yet (a scratch buffer).</summary>
    Unsaved,
}

/// <summary>
/// Auto-save with a debounce: each change restarts the quiet period (IOMETE saves 2 s after the last keystroke);
/// when it passes, <c>save</c> runs once. Changes made while a save runs are saved after it. <see cref="FlushAsync"/>
/// saves at once (Ctrl+S, leaving the page).
/// </summary>
public sealed class AutoSaver(Func<CancellationToken, Task<bool>> save, TimeSpan quiet, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private CancellationTokenSource? pending;
    private bool dirty;

    public SaveState State { get; private set; } = SaveState.Saved;

    /// <summary>Raised on every state change (the page re-renders its "Saved"/"Saving…" label).</summary>
    public event Action? StateChanged;

    /// <summary>Records a change and (re)starts the quiet period.</summary>
    public void Changed()
    {
        dirty = true;
        pending?.Cancel();
        pending?.Dispose();
        pending = new CancellationTokenSource();
        var token = pending.Token;
        Move(SaveState.Pending);
        _ = WaitThenSaveAsync(token);
    }

    /// <summary>Saves now when something changed since the last save.</summary>
    public async Task FlushAsync()
    {
        pending?.Cancel();
        await SaveIfDirtyAsync(CancellationToken.None);
    }

    /// <summary>Forgets pending changes (another worksheet was opened).</summary>
    public void Reset(SaveState state = SaveState.Saved)
    {
        pending?.Cancel();
        dirty = false;
        Move(state);
    }

    private async Task WaitThenSaveAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(quiet, time, token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await SaveIfDirtyAsync(token);
    }

    private async Task SaveIfDirtyAsync(CancellationToken token)
    {
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            if (!dirty || token.IsCancellationRequested)
            {
                return;
            }
            dirty = false;
            Move(SaveState.Saving);
            var ok = await save(CancellationToken.None);
            if (!ok)
            {
                dirty = true;
            }
            Move(!ok ? SaveState.Failed : dirty ? SaveState.Pending : SaveState.Saved);
        }
        finally
        {
            gate.Release();
        }
    }

    private void Move(SaveState state)
    {
        State = state;
        StateChanged?.Invoke();
    }

    public void Dispose()
    {
        pending?.Cancel();
        pending?.Dispose();
        gate.Dispose();
    }
}

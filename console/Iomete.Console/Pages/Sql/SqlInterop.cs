using Microsoft.JSInterop;

namespace Iomete.Console.Pages.Sql;

/// <summary>The editor's text, selection and cursor (0-based character offsets).</summary>
public sealed record EditorState(string Text, int SelectionStart, int SelectionEnd, int Cursor);

/// <summary>What the browser side calls back: shortcuts, text changes, autocomplete.</summary>
public interface IEditorCallbacks
{
    Task OnShortcutAsync(string name);

    Task OnTextChangedAsync(string text);

    Task OnSelectionChangedAsync(bool hasSelection);

    Task<IReadOnlyList<CompletionItem>> CompleteAsync(string before, string text);
}

/// <summary>The SQL editor's JavaScript module (<c>wwwroot/js/sql.js</c>), imported on first use.</summary>
public sealed class SqlInterop(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? module;

    private async Task<IJSObjectReference> ModuleAsync() =>
        module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/sql.js");

    /// <summary>Loads Monaco (BlazorMonaco's scripts) once per page load.</summary>
    public async Task LoadAsync() => await (await ModuleAsync()).InvokeAsync<bool>("load");

    public async Task<bool> AttachAsync(string id, DotNetObjectReference<EditorCallbackBridge> callbacks) =>
        await (await ModuleAsync()).InvokeAsync<bool>("attach", id, callbacks);

    public async Task DetachAsync(string id) => await (await ModuleAsync()).InvokeVoidAsync("detach", id);

    public async Task<EditorState> StateAsync(string id) => await (await ModuleAsync()).InvokeAsync<EditorState>("state", id);

    public async Task SetTextAsync(string id, string text, bool keepUndo) => await (await ModuleAsync()).InvokeVoidAsync("setText", id, text, keepUndo);

    public async Task MarkErrorAsync(string id, int? offset, string? message) => await (await ModuleAsync()).InvokeVoidAsync("markError", id, offset, message);

    public async Task FocusAsync(string id) => await (await ModuleAsync()).InvokeVoidAsync("focus", id);

    public async Task ThemeAsync(bool dark) => await (await ModuleAsync()).InvokeVoidAsync("theme", dark);

    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The page is gone; nothing to release.
            }
        }
    }
}

/// <summary>The object JavaScript calls (a <see cref="DotNetObjectReference"/> needs public [JSInvokable] methods).</summary>
public sealed class EditorCallbackBridge(IEditorCallbacks target)
{
    [JSInvokable("OnShortcut")]
    public Task OnShortcut(string name) => target.OnShortcutAsync(name);

    [JSInvokable("OnTextChanged")]
    public Task OnTextChanged(string text) => target.OnTextChangedAsync(text);

    [JSInvokable("OnSelectionChanged")]
    public Task OnSelectionChanged(bool hasSelection) => target.OnSelectionChangedAsync(hasSelection);

    [JSInvokable("Complete")]
    public Task<IReadOnlyList<CompletionItem>> Complete(string before, string text) => target.CompleteAsync(before, text);
}

using Microsoft.JSInterop;

namespace Iomete.Console.Api;

/// <summary>The browser's localStorage, so a session survives a reload and a deep link opened in a new tab.</summary>
public interface ISessionStorage
{
    ValueTask<string?> GetAsync(string key);

    ValueTask SetAsync(string key, string? value);
}

internal sealed class BrowserSessionStorage(IJSRuntime js) : ISessionStorage
{
    public ValueTask<string?> GetAsync(string key) => js.InvokeAsync<string?>("localStorage.getItem", key);

    public ValueTask SetAsync(string key, string? value) => value is null
        ? js.InvokeVoidAsync("localStorage.removeItem", key)
        : js.InvokeVoidAsync("localStorage.setItem", key, value);
}

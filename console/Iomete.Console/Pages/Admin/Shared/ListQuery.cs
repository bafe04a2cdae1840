using System.Globalization;
using System.Text;
using System.Text.Json;
using Iomete.Console.Api;
using MudBlazor;

namespace Iomete.Console.Pages.Admin.Shared;

/// <summary>Turns a MudTable's state (page, size, sort) and a search text into the platform's list query and back.</summary>
public static class ListQuery
{
    /// <summary><paramref name="path"/> + <c>?offset=&amp;limit=&amp;sort=&amp;search=</c> (+ extra filters).</summary>
    public static string For(string path, TableState state, string? search, params (string Name, string? Value)[] filters)
    {
        var query = new StringBuilder(path);
        query.Append(CultureInfo.InvariantCulture, $"?offset={state.Page * state.PageSize}&limit={state.PageSize}");
        if (!string.IsNullOrEmpty(state.SortLabel) && state.SortDirection != SortDirection.None)
        {
            query.Append("&sort=").Append(state.SortDirection == SortDirection.Descending ? "-" : "").Append(Uri.EscapeDataString(state.SortLabel));
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            query.Append("&search=").Append(Uri.EscapeDataString(search.Trim()));
        }
        foreach (var (name, value) in filters)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }
        return query.ToString();
    }

    /// <summary>A <c>Page&lt;T&gt;</c> answer as table data.</summary>
    public static TableData<JsonElement> ToTable(JsonElement page) => new()
    {
        Items = [.. page.Items("items")],
        TotalItems = (int)(page.Long("total") ?? 0),
    };

    /// <summary>Loads a page for a table; a problem is handed to <paramref name="failed"/> and shows as an empty table.</summary>
    public static async Task<TableData<JsonElement>> LoadAsync(ApiClient api, string url, Action<ApiProblem> failed, CancellationToken ct)
    {
        try
        {
            return ToTable(await api.GetJsonAsync(url, ct));
        }
        catch (ApiProblemException ex)
        {
            failed(ex.Problem);
            return new TableData<JsonElement> { Items = [], TotalItems = 0 };
        }
    }
}

using System.Globalization;
using System.Text;

namespace Iomete.Console.Pages.Catalog;

/// <summary>
/// What the catalog search page filters by. The same values make the page's own URL (so a search is a deep link)
/// and the API's query string.
/// </summary>
public sealed record CatalogSearchFilters(
    string? Query = null,
    string? Catalog = null,
    string? Database = null,
    string? Tag = null,
    string? Owner = null,
    string? Type = null,
    bool Deleted = false,
    int Page = 1)
{
    public const int PageSize = 20;

    /// <summary>The API route with its query string: <c>data-catalog/search?…&amp;offset=&amp;limit=</c>.</summary>
    public string ToApiPath()
    {
        var q = new StringBuilder("data-catalog/search?");
        AppendFilters(q, "query");
        Append(q, "offset", ((Math.Max(Page, 1) - 1) * PageSize).ToString(CultureInfo.InvariantCulture));
        Append(q, "limit", PageSize.ToString(CultureInfo.InvariantCulture));
        return q.ToString().TrimEnd('&');
    }

    /// <summary>The console page's query string (empty values left out), starting with <c>?</c> or empty.</summary>
    public string ToPageQuery()
    {
        var q = new StringBuilder("?");
        AppendFilters(q, "q");
        if (Page > 1)
        {
            Append(q, "page", Page.ToString(CultureInfo.InvariantCulture));
        }
        var text = q.ToString().TrimEnd('&');
        return text == "?" ? "" : text;
    }

    /// <summary>The filters both query strings share; only the text's parameter is named differently.</summary>
    private void AppendFilters(StringBuilder q, string textParameter)
    {
        Append(q, textParameter, Query);
        Append(q, "catalog", Catalog);
        Append(q, "database", Database);
        Append(q, "tag", Tag);
        Append(q, "owner", Owner);
        Append(q, "type", Type);
        if (Deleted)
        {
            Append(q, "deleted", "true");
        }
    }

    private static void Append(StringBuilder q, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            q.Append(name).Append('=').Append(Uri.EscapeDataString(value.Trim())).Append('&');
        }
    }
}

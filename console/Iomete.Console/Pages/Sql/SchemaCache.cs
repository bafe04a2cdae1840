using System.Collections.Concurrent;
using Iomete.Console.Api;

namespace Iomete.Console.Pages.Sql;

/// <summary>
/// Catalogs, databases, tables and columns for the editor's pickers and autocomplete, read from the SQL service's
/// schema routes as the signed-in user and kept for the session (Refresh forgets them). A list that fails to load
/// reads as empty: autocomplete never gets in the way of typing.
/// </summary>
public sealed class SchemaCache(ApiClient api, ConsoleSession session)
{
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<string>>> lists = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<string>> CatalogsAsync() =>
        Load("c", $"/api/v1/domains/{D}/schema/catalogs?limit=1000", "name");

    public Task<IReadOnlyList<string>> DatabasesAsync(string catalog) =>
        Load("d:" + catalog, $"/api/v2/domains/{D}/sql/schema/catalogs/{E(catalog)}/namespaces?limit=1000", "name");

    public Task<IReadOnlyList<string>> TablesAsync(string catalog, string database) =>
        Load($"t:{catalog}.{database}", $"/api/v2/domains/{D}/sql/schema/catalogs/{E(catalog)}/namespaces/{E(database)}/tables?limit=1000", "name");

    public Task<IReadOnlyList<string>> ColumnsAsync(string catalog, string database, string table) =>
        Load($"col:{catalog}.{database}.{table}", $"/api/v2/domains/{D}/sql/schema/catalogs/{E(catalog)}/namespaces/{E(database)}/tables/{E(table)}", "name", "columns");

    public void Refresh() => lists.Clear();

    private string D => Uri.EscapeDataString(session.Domain);

    private static string E(string s) => Uri.EscapeDataString(s);

    private Task<IReadOnlyList<string>> Load(string key, string path, string field, string list = "items") =>
        lists.GetOrAdd(session.Domain + "|" + key, _ => FetchAsync(key, path, field, list));

    private async Task<IReadOnlyList<string>> FetchAsync(string key, string path, string field, string list)
    {
        try
        {
            var answer = await api.GetJsonAsync(path);
            return [.. answer.Items(list).Select(i => i.Str(field)).OfType<string>()];
        }
        catch (Exception ex) when (ex is ApiProblemException or HttpRequestException)
        {
            // Not kept: the next request tries again.
            lists.TryRemove(session.Domain + "|" + key, out _);
            return [];
        }
    }
}

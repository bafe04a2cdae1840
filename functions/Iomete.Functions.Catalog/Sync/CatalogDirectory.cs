using System.Net.Http.Json;
using System.Text.Json;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Catalog.Sync;

/// <summary>A catalog of the lakehouse as the explorer shows it.</summary>
public sealed record LakehouseCatalog(string Name, string Type, string? Location);

/// <summary>
/// The managed catalogs with their type and warehouse location, asked of the Iceberg REST service's admin list by
/// service invocation as the platform. When that fails, the names the catalog client sees, with the managed type.
/// </summary>
public sealed partial class CatalogDirectory(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls, ILogger<CatalogDirectory> logger)
{
    public const string IcebergApp = "iceberg";
    public const string ManagedType = "ICEBERG_REST";

    public async Task<IReadOnlyList<LakehouseCatalog>> ListAsync(Engine.Catalogs.ILakehouseCatalog client, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/v1/admin/catalogs", UriKind.Relative));
            request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken);
            using var response = await invoker.InvokeAsync(IcebergApp, request, ct);
            if (response.IsSuccessStatusCode)
            {
                var items = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                return items.EnumerateArray()
                    .Select(e => new LakehouseCatalog(
                        e.GetProperty("name").GetString()!,
                        e.TryGetProperty("type", out var t) && t.GetString() is { Length: > 0 } type ? type : ManagedType,
                        e.TryGetProperty("warehouse", out var w) ? w.GetString() : null))
                    .ToList();
            }
            LogDirectoryFailed(logger, (int)response.StatusCode, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            LogDirectoryFailed(logger, 0, ex);
        }
        return (await client.ListCatalogsAsync(ct)).Select(n => new LakehouseCatalog(n, ManagedType, null)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not list the catalogs' types and locations (status {Status}); using names only")]
    private static partial void LogDirectoryFailed(ILogger logger, int status, Exception? exception);
}

using System.Net.Http.Json;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Errors;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Catalog.Classifications;

/// <summary>
/// Feeds approved classifications to the tags that tag-based data policies read (the identity service's resource tags,
/// behind <c>IResourceTagSource</c>): a direct call to its internal route with the internal app token. The change bumps the
/// policy-set version there, so the next SQL read or catalog load is decided with the new tag.
/// </summary>
public sealed class ResourceTagFeed(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls)
{
    public const string IdentityAppId = "identity";
    public const string Route = "internal/v1/identity/data-security/resource-tags/changes";

    public Task AddAsync(TableKey table, string? column, string tag, string by, CancellationToken ct) =>
        SendAsync(table, column, [tag], [], by, ct);

    public Task RemoveAsync(TableKey table, string? column, string tag, string by, CancellationToken ct) =>
        SendAsync(table, column, [], [tag], by, ct);

    private async Task SendAsync(TableKey table, string? column, string[] add, string[] remove, string by, CancellationToken ct)
    {
        var token = internalCalls.Value.AppApiToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new ApiException(503, ErrorCodes.BadGateway, "Classifications cannot be applied",
                $"{InternalCallOptions.Section}:AppApiToken is not set, so the catalog cannot apply tags to the data policies.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Route, UriKind.Relative))
        {
            Content = JsonContent.Create(new { catalog = table.Catalog, database = table.Database, table = table.Table, column, add, remove, by }),
        };
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, token);
        using var response = await invoker.InvokeAsync(IdentityAppId, request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new ApiException(502, ErrorCodes.BadGateway, "The data-security service refused the tag change", $"{(int)response.StatusCode}: {text}");
        }
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Sql.Tests.SparkConnect;

/// <summary>
/// The cluster service's SQL-endpoint route as its contract says, served in front of the local host's own routes: the SQL
/// service reaches it through real service invocation. Clusters not listed answer 404; <see cref="Forbidden"/> ones 403.
/// Records the credential headers each lookup carried.
/// </summary>
internal sealed partial class ClusterEndpointStub : IStartupFilter
{
    public ConcurrentDictionary<string, object> Clusters { get; } = new();

    public ConcurrentBag<string> Forbidden { get; } = [];

    public ConcurrentQueue<(string Domain, string Cluster, string? Authorization, string? ApiToken)> Lookups { get; } = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            var match = Route().Match(context.Request.Path.Value ?? "");
            if (!match.Success || !HttpMethods.IsGet(context.Request.Method))
            {
                await proceed(context);
                return;
            }
            var (domain, cluster) = (Uri.UnescapeDataString(match.Groups[1].Value), Uri.UnescapeDataString(match.Groups[2].Value));
            Lookups.Enqueue((domain, cluster, context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers["X-API-Token"].FirstOrDefault()));
            if (Forbidden.Contains(cluster))
            {
                context.Response.StatusCode = 403;
                context.Response.ContentType = "application/problem+json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    status = 403, errorCode = "FORBIDDEN", title = "Forbidden",
                    detail = $"You lack the CONSUME permission on compute '{cluster}'.",
                }));
                return;
            }
            if (!Clusters.TryGetValue(cluster, out var endpoint))
            {
                context.Response.StatusCode = 404;
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(endpoint));
        });
        next(app);
    };

    /// <summary>An endpoint body as the cluster service answers it.</summary>
    public static object Endpoint(string name, string kind, string status, string host, int port) =>
        new { id = "id-" + name, name, kind, status, host, sparkConnectPort = port };

    [GeneratedRegex("^/api/v1/internal/clusters/domains/([^/]+)/compute/([^/]+)/sql-endpoint$")]
    private static partial Regex Route();
}

using System.Text;
using Iomete.Deploy.Description;
using Iomete.Deploy.Planning;

namespace Iomete.Deploy.Emit;

/// <summary>
/// The gateway's route table as a ConfigMap: <c>routes.yaml</c> (the table itself, for tools and tests) and
/// <c>locations.conf</c> (Nginx <c>location</c> blocks the gateway includes in its <c>server</c>).
/// HTTP-scaled services are reached through the KEDA HTTP interceptor (which holds requests during a scale from zero)
/// when KEDA is on; streaming services and gRPC to compute clusters go straight to their backends. Routes of a
/// feature-dependent service are left out while the feature is off (its paths fall through to the console).
/// </summary>
internal static class GatewayRoutesConfig
{
    public static readonly string Name = ChartNames.Of("gateway-routes");
    public const string Interceptor = "keda-add-ons-http-interceptor-proxy.keda.svc.cluster.local:8080";

    public static YamlMap ConfigMap(GatewayRouteTable table, DeploymentPlan plan) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = ChartNames.Metadata(Name, WorkloadObjects.Labels("gateway")),
        ["data"] = new YamlMap
        {
            ["routes.yaml"] = YamlText.Document(RoutesDocument(table, plan.Description.Gateway)),
            ["locations.conf"] = Locations(table, plan),
        },
    };

    public static YamlMap RoutesDocument(GatewayRouteTable table, GatewayDescription gateway) => new()
    {
        ["internal"] = table.InternalPrefixes.Select(p => (object?)p.ToString()).ToList(),
        ["http"] = table.Routes.Select(r => (object?)new YamlMap
        {
            ["prefix"] = r.Prefix.ToString(),
            ["service"] = r.Service,
            ["protocol"] = r.Streaming ? "stream" : "http",
        }).ToList(),
        ["grpc"] = gateway.Grpc.Select(g => (object?)new YamlMap
        {
            ["name"] = g.Name,
            ["prefix"] = g.Prefix,
            ["backend"] = $"cc-<x-iomete-cluster>.<x-iomete-data-plane>:{g.Port}",
        }).ToList(),
        ["default"] = gateway.DefaultBackend.Service,
    };

    private static string Locations(GatewayRouteTable table, DeploymentPlan plan)
    {
        var conf = new StringBuilder();
        conf.Append("# Platform-only routes (Dapr invocation, subscriptions, cron) are not served from outside.\n");
        conf.Append("location ~ ^(").Append(string.Join('|', table.InternalPrefixes.Select(p => Regex(p)))).Append(")(/|$) {\n    return 404;\n}\n");
        foreach (var grpc in plan.Description.Gateway.Grpc)
        {
            conf.Append("# ").Append(grpc.Name).Append(": gRPC to the compute cluster named by the client's headers.\n");
            conf.Append("location ").Append(grpc.Prefix).Append(" {\n");
            conf.Append("    grpc_pass grpc://cc-$http_x_iomete_cluster.$http_x_iomete_data_plane.svc.cluster.local:").Append(grpc.Port).Append(";\n");
            conf.Append("    grpc_read_timeout 86400s;\n    grpc_send_timeout 86400s;\n}\n");
        }
        foreach (var route in table.Routes)
        {
            var service = plan.Services.Single(s => s.Name == route.Service);
            if (service.Description.Feature is { } feature)
            {
                conf.Append("{{- if .Values.features.").Append(feature).Append(" }}\n");
            }
            conf.Append("location ~ ^").Append(Regex(route.Prefix)).Append("(/|$) {\n");
            if (route.Streaming)
            {
                conf.Append("    proxy_pass http://").Append(ChartNames.Of(service.Name)).Append(':').Append(WorkloadObjects.ServicePort).Append(";\n");
                conf.Append("    proxy_http_version 1.1;\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection \"upgrade\";\n");
                conf.Append("    proxy_buffering off;\n    proxy_read_timeout 3600s;\n");
            }
            else
            {
                conf.Append("{{- if .Values.keda.enabled }}\n");
                conf.Append("    proxy_pass http://").Append(Interceptor).Append(";\n");
                conf.Append("    proxy_set_header Host ").Append(ChartNames.Of(service.Name)).Append(";\n");
                conf.Append("{{- else }}\n");
                conf.Append("    proxy_pass http://").Append(ChartNames.Of(service.Name)).Append(':').Append(WorkloadObjects.ServicePort).Append(";\n");
                conf.Append("{{- end }}\n");
            }
            conf.Append("}\n");
            if (service.Description.Feature is not null)
            {
                conf.Append("{{- end }}\n");
            }
        }
        var backend = plan.Description.Gateway.DefaultBackend;
        conf.Append("location / {\n    proxy_pass http://").Append(ChartNames.Of(backend.Service)).Append(':').Append(backend.Port).Append(";\n}\n");
        return conf.ToString();
    }

    private static string Regex(RoutePattern prefix) =>
        string.Concat(prefix.Segments.Select(s => "/" + (s == RoutePattern.Any ? "[^/]+" : System.Text.RegularExpressions.Regex.Escape(s))));
}

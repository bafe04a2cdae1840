using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Iomete.Platform.Functions.OpenApi;

/// <summary>
/// Builds the OpenAPI 3.1 document from the function catalog: every function's route and
/// methods from its trigger, bodies and responses from its OpenApi* attributes, schemas from
/// the .NET types with the API's JSON conventions.
/// </summary>
public sealed partial class OpenApiDocumentBuilder(FunctionCatalog catalog)
{
    public JsonObject Build(string title, string version)
    {
        var schemas = new SchemaRegistry();
        var paths = new JsonObject();
        foreach (var group in catalog.Functions.GroupBy(f => PathOf(f.Route)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var item = new JsonObject();
            foreach (var function in group)
            {
                foreach (var method in function.Methods)
                {
                    item[method.ToLowerInvariant()] = Operation(function, method, schemas);
                }
            }
            paths[group.Key] = item;
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = title,
                ["version"] = version,
                ["description"] = "Iomete.Functions control plane API. Authenticate with 'Authorization: Bearer <token>' (from POST /api/v1/auth/login) or 'X-API-Token: <access token>'. Errors are RFC 9457 problem+json with IOMETE's errorCode member.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.ToJson(),
                ["securitySchemes"] = new JsonObject
                {
                    ["bearerAuth"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" },
                    ["apiToken"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-API-Token" },
                },
            },
            ["security"] = new JsonArray(
                new JsonObject { ["bearerAuth"] = new JsonArray() },
                new JsonObject { ["apiToken"] = new JsonArray() }),
        };
    }

    /// <summary>The OpenAPI path of a route: leading slash, constraints and catch-all stars removed.</summary>
    public static string PathOf(string route) =>
        "/" + RouteParameter().Replace(route.TrimStart('/'), m => "{" + m.Groups["name"].Value + "}");

    public static IReadOnlyList<string> ParametersOf(string route) =>
        RouteParameter().Matches(route).Select(m => m.Groups["name"].Value).ToList();

    private static JsonObject Operation(FunctionDescriptor function, string method, SchemaRegistry schemas)
    {
        var info = function.Method.GetCustomAttribute<OpenApiOperationAttribute>();
        var operation = new JsonObject
        {
            ["operationId"] = function.Methods.Count > 1 ? $"{function.Name}-{method.ToLowerInvariant()}" : function.Name,
            ["summary"] = info?.Summary ?? function.Name,
            ["tags"] = new JsonArray(info?.Tag ?? "Other"),
        };
        if (info?.Description is { } description)
        {
            operation["description"] = description;
        }

        var parameters = new JsonArray();
        foreach (var name in ParametersOf(function.Route))
        {
            parameters.Add(Parameter(name, "path", "string", required: true, null));
        }
        foreach (var query in function.Method.GetCustomAttributes<OpenApiQueryAttribute>())
        {
            parameters.Add(Parameter(query.Name, "query", query.Type, query.Required, query.Description));
        }
        if (function.Method.GetCustomAttribute<OpenApiPagedAttribute>() is not null)
        {
            parameters.Add(Parameter("offset", "query", "integer", false, "Items to skip (default 0)."));
            parameters.Add(Parameter("limit", "query", "integer", false, "Page size, 1 to 1000 (default 100)."));
            parameters.Add(Parameter("sort", "query", "string", false, "Sort key; prefix '-' for descending."));
            parameters.Add(Parameter("search", "query", "string", false, "Case-insensitive text filter."));
        }
        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (function.Method.GetCustomAttribute<OpenApiRequestBodyAttribute>() is { } body)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { [body.ContentType] = new JsonObject { ["schema"] = schemas.Reference(body.Type) } },
            };
        }

        var responses = new JsonObject();
        foreach (var response in function.Method.GetCustomAttributes<OpenApiResponseAttribute>().OrderBy(r => r.Status))
        {
            var entry = new JsonObject { ["description"] = response.Description ?? DefaultDescription(response.Status) };
            if (response.Type is not null)
            {
                entry["content"] = new JsonObject { [response.ContentType] = new JsonObject { ["schema"] = schemas.Reference(response.Type) } };
            }
            responses[response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = entry;
        }
        var iceberg = IsIcebergRoute(function.Route);
        AddProblem(responses, "400", "Invalid input", schemas, iceberg);
        if (!function.AllowsAnonymous)
        {
            AddProblem(responses, "401", "Missing or invalid credentials", schemas, iceberg);
            AddProblem(responses, "403", "The caller lacks a permission", schemas, iceberg);
        }
        else
        {
            operation["security"] = new JsonArray();
        }
        if (parameters.Any(p => p!["in"]!.GetValue<string>() == "path"))
        {
            AddProblem(responses, "404", "Not found", schemas, iceberg);
        }
        operation["responses"] = responses;
        return operation;
    }

    /// <summary>Iceberg REST routes answer errors in the Iceberg spec's shape, not problem+json.</summary>
    private static bool IsIcebergRoute(string route) => route.TrimStart('/').StartsWith("catalogs/", StringComparison.Ordinal);

    private static void AddProblem(JsonObject responses, string status, string description, SchemaRegistry schemas, bool iceberg)
    {
        if (responses.ContainsKey(status))
        {
            return;
        }
        responses[status] = new JsonObject
        {
            ["description"] = description,
            ["content"] = iceberg
                ? new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.IcebergErrorReference() } }
                : new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = schemas.ProblemReference() } },
        };
    }

    private static JsonObject Parameter(string name, string location, string type, bool required, string? description)
    {
        var parameter = new JsonObject
        {
            ["name"] = name,
            ["in"] = location,
            ["required"] = required,
            ["schema"] = new JsonObject { ["type"] = type },
        };
        if (description is not null)
        {
            parameter["description"] = description;
        }
        return parameter;
    }

    private static string DefaultDescription(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No content",
        206 => "Partial content",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"\{\*?(?<name>[A-Za-z0-9_]+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}

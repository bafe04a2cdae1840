using Iomete.Platform.Functions;
using Iomete.Platform.Functions.OpenApi;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Discovery;

/// <summary>The OpenAPI document of every function: how users and SDKs discover the API.</summary>
public sealed class GetOpenApiDocument(OpenApiDocumentProvider provider)
{
    [Function("core-openapi-document")]
    [AllowAnonymousCaller]
    [OpenApiOperation("Discovery", "OpenAPI 3.1 document of this API")]
    [OpenApiResponse(200, Description = "The OpenAPI document")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest request) =>
        ApiResults.Bytes(provider.Utf8Json, "application/json");
}

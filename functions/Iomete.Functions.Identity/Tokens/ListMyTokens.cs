using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Tokens;

public sealed class ListMyTokens(ICallerAccessor callers, AccessTokenOperations operations)
{
    [Function("identity-tokens-list")]
    [OpenApiOperation("Access tokens", "List the caller's access tokens")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<AccessTokenView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/auth/tokens")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var ownerId = AccessTokenOperations.PersonalOwner(caller);
        return await operations.ListAsync(request, ownerId, ct);
    }
}

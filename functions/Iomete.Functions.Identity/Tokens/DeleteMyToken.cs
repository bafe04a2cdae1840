using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Tokens;

public sealed class DeleteMyToken(ICallerAccessor callers, AccessTokenOperations operations)
{
    [Function("identity-tokens-delete")]
    [OpenApiOperation("Access tokens", "Delete one of the caller's access tokens")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/auth/tokens/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var ownerId = AccessTokenOperations.PersonalOwner(caller);
        return await operations.DeleteAsync(ownerId, name, ct);
    }
}

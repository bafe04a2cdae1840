using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Tokens;

public sealed class UpdateMyToken(ICallerAccessor callers, AccessTokenOperations operations)
{
    [Function("identity-tokens-update")]
    [OpenApiOperation("Access tokens", "Suspend, resume or limit one of the caller's access tokens")]
    [OpenApiRequestBody(typeof(UpdateAccessTokenRequest))]
    [OpenApiResponse(200, typeof(AccessTokenView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/auth/tokens/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var ownerId = AccessTokenOperations.PersonalOwner(caller);
        var body = await RequestBody.ReadAsync<UpdateAccessTokenRequest>(request, ct);
        return await operations.UpdateAsync(body, ownerId, name, ct);
    }
}

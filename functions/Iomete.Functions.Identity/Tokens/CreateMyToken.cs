using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Tokens;

public sealed class CreateMyToken(ICallerAccessor callers, AccessTokenOperations operations)
{
    [Function("identity-tokens-create")]
    [OpenApiOperation("Access tokens", "Create an access token for the caller's use (the secret is shown once)")]
    [OpenApiRequestBody(typeof(CreateAccessTokenRequest))]
    [OpenApiResponse(201, typeof(AccessTokenView))]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/auth/tokens")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var ownerId = AccessTokenOperations.PersonalOwner(caller);
        var body = await RequestBody.ReadAsync<CreateAccessTokenRequest>(request, ct);
        return await operations.CreateAsync(body, ownerId, caller, ct);
    }
}

using Microsoft.AspNetCore.Http;

namespace Iomete.Platform.Security;

/// <summary>
/// Resolves the caller of a request from <c>Authorization: Bearer</c> or <c>X-API-Token</c>.
/// Functions ask for it explicitly before they act; both hosts share the implementation.
/// </summary>
public interface ICallerAccessor
{
    /// <summary>The caller, or a 401 <see cref="Errors.UnauthorizedException"/>.</summary>
    Task<Caller> RequireAsync(HttpRequest request, CancellationToken ct);

    /// <summary>The caller resolved earlier in this request, if any (for audit).</summary>
    Caller? Current(HttpContext context);
}

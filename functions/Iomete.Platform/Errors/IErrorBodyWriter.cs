using Microsoft.AspNetCore.Http;

namespace Iomete.Platform.Errors;

/// <summary>
/// An error body format for a family of routes whose clients expect something other than
/// problem+json (the Iceberg REST catalog under <c>/catalogs/</c>). Services register one;
/// <see cref="ProblemMapper"/> stays the one mapping point and hands the mapped
/// <see cref="Problem"/> to the first writer that claims the request path.
/// </summary>
public interface IErrorBodyWriter
{
    /// <summary>True when errors of this path are written by this writer.</summary>
    bool Handles(PathString path);

    /// <summary>Writes the body; status, Retry-After and a cleared response are already set.</summary>
    Task WriteBodyAsync(Problem problem, HttpContext context);
}

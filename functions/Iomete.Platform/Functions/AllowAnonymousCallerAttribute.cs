namespace Iomete.Platform.Functions;

/// <summary>
/// Declares that a function serves callers without credentials (liveness, readiness, login,
/// the OpenAPI document). A test keeps this list short and explicit.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllowAnonymousCallerAttribute : Attribute;

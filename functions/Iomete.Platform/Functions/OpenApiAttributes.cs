namespace Iomete.Platform.Functions;

/// <summary>Summary and tag of a function in the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiOperationAttribute(string tag, string summary) : Attribute
{
    public string Tag => tag;
    public string Summary => summary;
    public string? Description { get; init; }
}

/// <summary>The JSON request body a function reads.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiRequestBodyAttribute(Type type) : Attribute
{
    public Type Type => type;
    public string ContentType { get; init; } = "application/json";
}

/// <summary>A response a function returns; add one per status.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiResponseAttribute(int status, Type? type = null) : Attribute
{
    public int Status => status;
    public Type? Type => type;
    public string? Description { get; init; }
    public string ContentType { get; init; } = "application/json";
}

/// <summary>A query-string parameter a function reads.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiQueryAttribute(string name, string description) : Attribute
{
    public string Name => name;
    public string Description => description;
    public string Type { get; init; } = "string";
    public bool Required { get; init; }
}

/// <summary>Marks list functions: adds offset, limit, sort and search parameters.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiPagedAttribute : Attribute;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iomete.Console.Api;

/// <summary>The platform's JSON conventions: camelCase, enums as SNAKE_UPPER strings, nulls left out.</summary>
public static class ConsoleJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper));
        return options;
    }
}

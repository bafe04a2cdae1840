using System.Collections.Frozen;
using System.Text.Json;

namespace Iomete.Functions.Identity.Storage;

/// <summary>Enums are stored by their API names (<c>SERVICE_ACCOUNT</c>), as the JSON shows them.</summary>
internal static class DbEnum<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> Names =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseUpper.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, T> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Name(T value) => Names[value];

    public static T Parse(string name) =>
        Values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"Unknown {typeof(T).Name} '{name}' in the database.");

    public static bool TryParse(string name, out T value) => Values.TryGetValue(name, out value);
}

using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>Collects every invalid field of a request, then answers one 400 naming them all.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }
        list.Add(message);
    }

    public void ThrowIfAny()
    {
        if (errors.Count == 0)
        {
            return;
        }
        var map = errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
        throw new ValidationException(string.Join("; ", map.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")), map);
    }
}

using Iomete.Platform.Errors;

namespace Iomete.Functions.Core.Common;

/// <summary>Collects every invalid field of a request, then fails once with all of them (400).</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
    }

    /// <summary>Adds an error when <paramref name="valid"/> is false; returns <paramref name="valid"/>.</summary>
    public bool Check(bool valid, string field, string message)
    {
        if (!valid)
        {
            Add(field, message);
        }
        return valid;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw ToException();
        }
    }

    /// <summary>Adds one more error and returns the exception holding all of them, for <c>?? throw</c>.</summary>
    public ValidationException Fail(string field, string message)
    {
        Add(field, message);
        return ToException();
    }

    private ValidationException ToException()
    {
        var errors = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        return new ValidationException(
            string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
            errors);
    }
}

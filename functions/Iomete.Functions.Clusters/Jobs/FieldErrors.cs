using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>Collects every field error of a request, so one 400 names them all.</summary>
internal sealed class FieldErrors
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

    /// <summary>Runs a check that throws a <see cref="ValidationException"/> and keeps its field errors instead.</summary>
    public void Check(string field, Action check)
    {
        try
        {
            check();
        }
        catch (ValidationException e)
        {
            AddFrom(field, e);
        }
    }

    public async Task CheckAsync(string field, Func<Task> check)
    {
        try
        {
            await check();
        }
        catch (ValidationException e)
        {
            AddFrom(field, e);
        }
    }

    public void ThrowIfAny()
    {
        if (errors.Count == 0)
        {
            return;
        }
        var first = errors.First();
        throw new ValidationException($"{first.Key}: {first.Value[0]}" + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : ""),
            errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private void AddFrom(string field, ValidationException e)
    {
        if (e.Errors is { Count: > 0 } inner)
        {
            foreach (var (key, messages) in inner)
            {
                foreach (var message in messages)
                {
                    Add(key.StartsWith(field, StringComparison.Ordinal) ? key : $"{field}", message);
                }
            }
        }
        else
        {
            Add(field, e.Detail ?? e.Message);
        }
    }
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Iomete.Functions.Catalog.Annotations;

namespace Iomete.Functions.Catalog.Tests.Search;

/// <summary>The annotation source the other part of the catalog provides, as a dictionary the tests fill.</summary>
public sealed class InMemoryAnnotations : ITableAnnotationSource
{
    private readonly ConcurrentDictionary<TableKey, TableAnnotations> items = new();

    public void Set(TableAnnotations annotations) => items[annotations.Table] = annotations;

    public static TableAnnotations For(TableKey table, string? description = null, string[]? owners = null, string[]? tags = null,
        Dictionary<string, ColumnAnnotations>? columns = null) =>
        new(table, description, owners ?? [], tags ?? [], columns ?? new Dictionary<string, ColumnAnnotations>());

    public Task<TableAnnotations?> GetAsync(TableKey table, CancellationToken ct) => Task.FromResult(items.GetValueOrDefault(table));

    public async IAsyncEnumerable<TableAnnotations> ListAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var item in items.Values)
        {
            ct.ThrowIfCancellationRequested();
            yield return item;
        }
        await Task.CompletedTask;
    }
}

using Iomete.Functions.Catalog.Index;

namespace Iomete.Functions.Catalog.Search;

/// <summary>An indexed table with what search and filtering need precomputed: name key, column keys, owners and tags.</summary>
public sealed class SearchDocument
{
    public SearchDocument(IndexedTable table)
    {
        Table = table;
        NameKey = Tokenizer.Key(table.Name);
        ColumnKeys = table.Columns.Select(c => Tokenizer.Key(c.Name)).ToHashSet(StringComparer.Ordinal);
        var annotations = table.Annotations;
        Owners = (annotations?.Owners ?? []).Append(table.Owner).OfType<string>().Where(o => o.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        Tags = (annotations?.Tags ?? []).Concat(annotations?.Columns.Values.SelectMany(c => c.Tags) ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        Description = annotations?.Description ?? table.Description;
    }

    public IndexedTable Table { get; }

    public string NameKey { get; }

    public IReadOnlySet<string> ColumnKeys { get; }

    /// <summary>Owners from the catalog's annotations first, then the table's <c>owner</c> property.</summary>
    public IReadOnlyList<string> Owners { get; }

    /// <summary>Approved classification tags of the table, then of its columns.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The catalog's documentation, else the table's <c>comment</c> property.</summary>
    public string? Description { get; }

    /// <summary>The words of each field, as indexed.</summary>
    internal IEnumerable<(SearchField Field, string Token)> Terms()
    {
        var t = Table;
        foreach (var token in Tokenizer.Tokens(t.Name))
        {
            yield return (SearchField.Name, token);
        }
        foreach (var column in t.Columns)
        {
            foreach (var token in Tokenizer.Tokens(column.Name))
            {
                yield return (SearchField.Column, token);
            }
        }
        foreach (var token in Tokenizer.Tokens(t.Catalog).Concat(Tokenizer.Tokens(t.Database)))
        {
            yield return (SearchField.Container, token);
        }
        var texts = new List<string?> { t.Description, t.Annotations?.Description };
        texts.AddRange(t.Columns.Select(c => c.Description));
        texts.AddRange(t.Annotations?.Columns.Values.Select(c => c.Description) ?? []);
        texts.AddRange(Tags);
        texts.AddRange(Owners);
        foreach (var token in texts.SelectMany(Tokenizer.Tokens))
        {
            yield return (SearchField.Text, token);
        }
    }
}

/// <summary>Where a word was found; the order is the ranking order.</summary>
public enum SearchField
{
    Name = 0,
    Column = 1,
    Container = 2,
    Text = 3,
}

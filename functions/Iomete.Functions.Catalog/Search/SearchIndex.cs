using Iomete.Functions.Catalog.Index;

namespace Iomete.Functions.Catalog.Search;

/// <summary>
/// The in-memory search structure: an inverted index of words per field (name, column, catalog/database, text) over
/// document slots, a sorted vocabulary for prefix lookups and a deletion neighbourhood (every word with up to one or two
/// characters deleted) for typo lookups, so no query scans the documents. Not thread-safe: <see cref="LiveIndex"/> guards it.
/// </summary>
public sealed partial class SearchIndex
{
    private const int MaxPrefixTerms = 5000;
    private const int MaxDeleteTermLength = 32;

    private readonly List<SearchDocument?> slots = [];
    private readonly Dictionary<string, int> slotById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Term> terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Term>> deletes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndexedCatalog> catalogs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Catalog, string Name), IndexedDatabase> databases = [];
    private Term[] sorted = [];
    private bool sortedDirty;
    private int deadSlots;

    /// <summary>Indexed tables and views (deleted ones included).</summary>
    public int Count => slotById.Count;

    public IReadOnlyCollection<IndexedCatalog> Catalogs => catalogs.Values;

    public IReadOnlyCollection<IndexedDatabase> Databases => databases.Values;

    public IEnumerable<SearchDocument> Documents => slots.OfType<SearchDocument>();

    /// <summary>Applies a batch of changed rows, then refreshes the prefix vocabulary.</summary>
    public void Apply(IndexChanges changes)
    {
        foreach (var catalog in changes.Catalogs)
        {
            catalogs[catalog.Name] = catalog;
        }
        foreach (var database in changes.Databases)
        {
            databases[(database.Catalog, database.Name)] = database;
        }
        foreach (var table in changes.Tables)
        {
            Upsert(table);
        }
        Seal();
    }

    public void Upsert(IndexedTable table)
    {
        if (slotById.TryGetValue(table.Id, out var old))
        {
            slots[old] = null;
            deadSlots++;
        }
        var slot = slots.Count;
        var document = new SearchDocument(table);
        slots.Add(document);
        slotById[table.Id] = slot;
        var seen = new HashSet<(SearchField, string)>();
        foreach (var (field, token) in document.Terms())
        {
            if (seen.Add((field, token)))
            {
                TermFor(token).Add(field, slot);
            }
        }
    }

    /// <summary>Rebuilds the sorted vocabulary after changes, and compacts when most slots are dead.</summary>
    public void Seal()
    {
        if (deadSlots > 1024 && deadSlots > slotById.Count)
        {
            Compact();
        }
        if (sortedDirty)
        {
            sorted = [.. terms.Values.OrderBy(t => t.Text, StringComparer.Ordinal)];
            sortedDirty = false;
        }
    }

    private void Compact()
    {
        var live = slots.OfType<SearchDocument>().Select(d => d.Table).ToList();
        slots.Clear();
        slotById.Clear();
        terms.Clear();
        deletes.Clear();
        deadSlots = 0;
        sortedDirty = true;
        foreach (var table in live)
        {
            Upsert(table);
        }
    }

    private Term TermFor(string token)
    {
        if (terms.TryGetValue(token, out var term))
        {
            return term;
        }
        term = new Term(token);
        terms[token] = term;
        sortedDirty = true;
        var budget = token.Length >= 6 ? 2 : token.Length >= 3 ? 1 : 0;
        if (budget > 0 && token.Length <= MaxDeleteTermLength)
        {
            foreach (var deleted in EditDistance.Deletes(token, budget))
            {
                if (!deletes.TryGetValue(deleted, out var list))
                {
                    deletes[deleted] = list = [];
                }
                list.Add(term);
            }
        }
        return term;
    }

    /// <summary>A word of the vocabulary and the slots holding it, per field.</summary>
    internal sealed class Term(string text)
    {
        public string Text { get; } = text;

        public List<int>?[] Postings { get; } = new List<int>?[4];

        public void Add(SearchField field, int slot) => (Postings[(int)field] ??= []).Add(slot);
    }
}

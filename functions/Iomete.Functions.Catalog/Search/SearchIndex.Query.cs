namespace Iomete.Functions.Catalog.Search;

/// <summary>What a search is narrowed to. Empty sets mean no narrowing; <see cref="Deleted"/> picks live or deleted entries.</summary>
public sealed record SearchFilter(
    IReadOnlySet<string> Catalogs, IReadOnlySet<string> Databases, IReadOnlySet<string> Tags, IReadOnlySet<string> Owners,
    IReadOnlySet<string> Types, bool Deleted)
{
    public static SearchFilter None { get; } = new(
        new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), false);

    public bool Matches(SearchDocument document)
    {
        var t = document.Table;
        return t.Deleted == Deleted
               && (Catalogs.Count == 0 || Catalogs.Contains(t.Catalog))
               && (Databases.Count == 0 || Databases.Contains(t.Database) || Databases.Contains(t.Catalog + "." + t.Database))
               && (Types.Count == 0 || Types.Contains(t.Type))
               && (Tags.Count == 0 || document.Tags.Any(Tags.Contains))
               && (Owners.Count == 0 || document.Owners.Any(Owners.Contains));
    }
}

/// <summary>A search result: the document and how it ranked (tier 6 exact name … 1 text only; 0 without query).</summary>
public readonly record struct SearchHit(SearchDocument Document, int Tier, float Score);

public sealed partial class SearchIndex
{
    public const int MaxQueryTokens = 8;

    private static readonly float[] FieldWeights = [10f, 6f, 4f, 3f];

    /// <summary>Every matching document, best first: exact name, name prefix, all words in the name, exact column name, words in names and columns, anywhere.</summary>
    public List<SearchHit> Search(string? query, SearchFilter filter)
    {
        var tokens = Tokenizer.Tokens(query).Distinct(StringComparer.Ordinal).Take(MaxQueryTokens).ToArray();
        if (tokens.Length == 0)
        {
            return [.. slots.OfType<SearchDocument>().Where(filter.Matches).Select(d => new SearchHit(d, 0, 0))
                .OrderBy(h => h.Document.Table.Catalog, StringComparer.Ordinal)
                .ThenBy(h => h.Document.Table.Database, StringComparer.Ordinal)
                .ThenBy(h => h.Document.Table.Name, StringComparer.Ordinal)];
        }
        var n = slots.Count;
        var best = new float[tokens.Length * n];
        var any = new int[n];
        var inName = new int[n];
        var inNameOrColumn = new int[n];
        for (var i = 0; i < tokens.Length; i++)
        {
            var bit = 1 << i;
            foreach (var (term, factor) in Candidates(tokens[i]))
            {
                for (var f = 0; f < FieldWeights.Length; f++)
                {
                    if (term.Postings[f] is not { } postings)
                    {
                        continue;
                    }
                    var weight = FieldWeights[f] * factor;
                    foreach (var slot in postings)
                    {
                        if (slots[slot] is null)
                        {
                            continue;
                        }
                        ref var score = ref best[i * n + slot];
                        score = Math.Max(score, weight);
                        any[slot] |= bit;
                        if (f == (int)SearchField.Name)
                        {
                            inName[slot] |= bit;
                        }
                        if (f <= (int)SearchField.Column)
                        {
                            inNameOrColumn[slot] |= bit;
                        }
                    }
                }
            }
        }
        var all = (1 << tokens.Length) - 1;
        var key = string.Join(' ', tokens);
        var hits = new List<SearchHit>();
        for (var slot = 0; slot < n; slot++)
        {
            if (any[slot] != all || slots[slot] is not { } document || !filter.Matches(document))
            {
                continue;
            }
            var tier = document.NameKey == key ? 6
                : document.NameKey.StartsWith(key, StringComparison.Ordinal) ? 5
                : inName[slot] == all ? 4
                : document.ColumnKeys.Contains(key) ? 3
                : inNameOrColumn[slot] == all ? 2
                : 1;
            var total = 0f;
            for (var i = 0; i < tokens.Length; i++)
            {
                total += best[i * n + slot];
            }
            hits.Add(new SearchHit(document, tier, total));
        }
        hits.Sort(Compare);
        return hits;
    }

    private static int Compare(SearchHit a, SearchHit b)
    {
        var c = b.Tier.CompareTo(a.Tier);
        c = c != 0 ? c : b.Score.CompareTo(a.Score);
        c = c != 0 ? c : a.Document.Table.Name.Length.CompareTo(b.Document.Table.Name.Length);
        c = c != 0 ? c : string.CompareOrdinal(a.Document.Table.Name, b.Document.Table.Name);
        c = c != 0 ? c : string.CompareOrdinal(a.Document.Table.Database, b.Document.Table.Database);
        return c != 0 ? c : string.CompareOrdinal(a.Document.Table.Catalog, b.Document.Table.Catalog);
    }

    /// <summary>The vocabulary words a query word matches: itself (1.0), words it begins (0.8), words within its typo budget (0.6 / 0.4).</summary>
    private List<(Term Term, float Factor)> Candidates(string token)
    {
        var found = new Dictionary<Term, float>(ReferenceEqualityComparer.Instance);
        if (terms.TryGetValue(token, out var exact))
        {
            found[exact] = 1f;
        }
        if (token.Length >= 2)
        {
            var at = LowerBound(token);
            for (var k = at; k < sorted.Length && k - at < MaxPrefixTerms && sorted[k].Text.StartsWith(token, StringComparison.Ordinal); k++)
            {
                found.TryAdd(sorted[k], 0.8f);
            }
        }
        var budget = EditDistance.Budget(token.Length);
        if (budget > 0)
        {
            var keys = EditDistance.Deletes(token, budget);
            keys.Add(token);
            foreach (var k in keys)
            {
                if (deletes.TryGetValue(k, out var list))
                {
                    foreach (var term in list)
                    {
                        TryFuzzy(found, token, term, budget);
                    }
                }
                if (terms.TryGetValue(k, out var shorter))
                {
                    TryFuzzy(found, token, shorter, budget);
                }
            }
        }
        return [.. found.Select(p => (p.Key, p.Value))];
    }

    private static void TryFuzzy(Dictionary<Term, float> found, string token, Term term, int budget)
    {
        if (found.ContainsKey(term))
        {
            return;
        }
        var distance = EditDistance.Osa(token, term.Text, budget);
        if (distance <= budget)
        {
            found[term] = distance == 1 ? 0.6f : 0.4f;
        }
    }

    private int LowerBound(string token)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(sorted[mid].Text, token) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}

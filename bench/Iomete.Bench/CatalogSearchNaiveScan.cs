using Iomete.Functions.Catalog.Index;
using Iomete.Functions.Catalog.Search;

namespace Iomete.Bench;

/// <summary>The baseline of the catalog search benchmark: every entry checked in turn with the index's matching rules.</summary>
internal sealed class NaiveScan(IReadOnlyList<IndexedTable> tables)
{
    private readonly List<(IndexedTable Table, string NameKey, string[] NameTokens, string[] ColumnTokens, string[] TextTokens)> entries =
        [.. tables.Select(t => (t, Tokenizer.Key(t.Name), Tokenizer.Tokens(t.Name).ToArray(),
            t.Columns.SelectMany(c => Tokenizer.Tokens(c.Name)).Distinct().ToArray(),
            t.Columns.Select(c => c.Description).Append(t.Description).SelectMany(Tokenizer.Tokens).Distinct().ToArray()))];

    public List<(IndexedTable Table, int Tier, float Score)> Search(string query)
    {
        var tokens = Tokenizer.Tokens(query).Distinct().ToArray();
        var key = string.Join(' ', tokens);
        var hits = new List<(IndexedTable, int, float)>();
        foreach (var (table, nameKey, name, columns, text) in entries)
        {
            float score = 0;
            var allInName = true;
            var all = true;
            foreach (var token in tokens)
            {
                var inName = Best(token, name) * 10;
                var best = Math.Max(inName, Math.Max(Best(token, columns) * 6, Best(token, text) * 3));
                allInName &= inName > 0;
                all &= best > 0;
                score += best;
            }
            if (!all)
            {
                continue;
            }
            var tier = nameKey == key ? 6 : nameKey.StartsWith(key, StringComparison.Ordinal) ? 5 : allInName ? 4 : 1;
            hits.Add((table, tier, score));
        }
        hits.Sort((a, b) => b.Item2 != a.Item2 ? b.Item2.CompareTo(a.Item2) : b.Item3.CompareTo(a.Item3));
        return hits;
    }

    private static float Best(string token, string[] words)
    {
        float best = 0;
        var budget = EditDistance.Budget(token.Length);
        foreach (var word in words)
        {
            var score = word == token ? 1f
                : token.Length >= 2 && word.StartsWith(token, StringComparison.Ordinal) ? 0.8f
                : budget > 0 && EditDistance.Osa(token, word, budget) is var d && d <= budget ? (d == 1 ? 0.6f : 0.4f)
                : 0f;
            best = Math.Max(best, score);
        }
        return best;
    }
}

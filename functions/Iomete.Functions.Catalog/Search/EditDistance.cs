namespace Iomete.Functions.Catalog.Search;

/// <summary>Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap adjacent).</summary>
public static class EditDistance
{
    /// <summary>The distance, or <paramref name="max"/> + 1 as soon as it must exceed <paramref name="max"/>.</summary>
    public static int Osa(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }
        var width = b.Length + 1;
        Span<int> buffer = a.Length <= 64 && b.Length <= 64 ? stackalloc int[3 * width] : new int[3 * width];
        var before = buffer[..width];
        var previous = buffer.Slice(width, width);
        var current = buffer.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max)
            {
                return max + 1;
            }
            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>The typo budget of a query token: none below 4 characters, 1 up to 7, 2 from 8.</summary>
    public static int Budget(int length) => length >= 8 ? 2 : length >= 4 ? 1 : 0;

    /// <summary>Every string made by deleting up to <paramref name="distance"/> characters (the token itself excluded).</summary>
    public static HashSet<string> Deletes(string token, int distance)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new List<string> { token };
        for (var d = 0; d < distance; d++)
        {
            var next = new List<string>();
            foreach (var word in frontier)
            {
                if (word.Length <= 1)
                {
                    continue;
                }
                for (var i = 0; i < word.Length; i++)
                {
                    var deleted = string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
                    if (result.Add(deleted))
                    {
                        next.Add(deleted);
                    }
                }
            }
            frontier = next;
        }
        return result;
    }
}

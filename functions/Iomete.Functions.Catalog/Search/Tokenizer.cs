namespace Iomete.Functions.Catalog.Search;

/// <summary>
/// Splits names and text into lower-case tokens: at every character that is not a letter or digit, and where a lower-case
/// letter is followed by an upper-case one (<c>customerOrders</c> → customer, orders). A name's key is its tokens joined by
/// one space, so <c>customer_orders</c>, <c>Customer-Orders</c> and the query <c>customer orders</c> compare equal.
/// </summary>
public static class Tokenizer
{
    public const int MaxTokenLength = 64;

    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var boundary = !char.IsLetterOrDigit(c);
            var camel = !boundary && start >= 0 && i > start && char.IsUpper(c) && char.IsLower(text[i - 1]);
            if ((boundary || camel) && start >= 0)
            {
                Add(tokens, text, start, i);
                start = -1;
            }
            if (!boundary && start < 0)
            {
                start = i;
            }
        }
        return tokens;
    }

    public static string Key(string? text) => string.Join(' ', Tokens(text));

    private static void Add(List<string> tokens, string text, int start, int end)
    {
        var length = Math.Min(end - start, MaxTokenLength);
        tokens.Add(text.Substring(start, length).ToLowerInvariant());
    }
}

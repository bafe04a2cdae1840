using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Iomete.Functions.Identity.Scim;

/// <summary>A parsed SCIM filter (RFC 7644 §3.4.2.2). Attribute paths are lower-case, without the core schema URN.</summary>
public abstract record ScimFilter
{
    public static readonly IReadOnlySet<string> Operators = new HashSet<string>(StringComparer.Ordinal)
    {
        "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le",
    };

    public static ScimFilter Parse(string text) => new ScimFilterParser(text).ParseAll();
}

/// <summary><c>attr op value</c>; <see cref="Value"/> is a string, bool, double or null.</summary>
public sealed record ScimCompare(string Attribute, string Operator, object? Value) : ScimFilter;

public sealed record ScimPresent(string Attribute) : ScimFilter;

public sealed record ScimAnd(ScimFilter Left, ScimFilter Right) : ScimFilter;

public sealed record ScimOr(ScimFilter Left, ScimFilter Right) : ScimFilter;

public sealed record ScimNot(ScimFilter Inner) : ScimFilter;

/// <summary><c>attr[filter]</c>: the inner filter applies to the elements of a multi-valued attribute.</summary>
public sealed record ScimValuePath(string Attribute, ScimFilter Filter) : ScimFilter;

internal sealed class ScimFilterParser(string text)
{
    private int _at;

    public ScimFilter ParseAll()
    {
        var filter = ParseOr();
        SkipSpaces();
        return _at == text.Length ? filter : throw Error($"unexpected '{text[_at..]}'");
    }

    /// <summary>Parses <c>attr</c>, <c>attr.sub</c> or <c>attr[filter].sub</c> (a PATCH path).</summary>
    public (string Attribute, ScimFilter? Filter, string? SubAttribute) ParsePath()
    {
        var attribute = Word() ?? throw Error("an attribute path is expected");
        ScimFilter? filter = null;
        string? sub = null;
        if (Peek('['))
        {
            _at++;
            filter = ParseOr();
            Expect(']');
            if (Peek('.'))
            {
                _at++;
                sub = Word() ?? throw Error("a sub-attribute is expected after '.'");
            }
        }
        SkipSpaces();
        return _at == text.Length ? (Normalize(attribute), filter, sub?.ToLowerInvariant()) : throw Error($"unexpected '{text[_at..]}'");
    }

    private ScimFilter ParseOr()
    {
        var left = ParseAnd();
        while (Keyword("or"))
        {
            left = new ScimOr(left, ParseAnd());
        }
        return left;
    }

    private ScimFilter ParseAnd()
    {
        var left = ParseUnary();
        while (Keyword("and"))
        {
            left = new ScimAnd(left, ParseUnary());
        }
        return left;
    }

    private ScimFilter ParseUnary()
    {
        SkipSpaces();
        if (Keyword("not"))
        {
            SkipSpaces();
            Expect('(');
            var inner = ParseOr();
            Expect(')');
            return new ScimNot(inner);
        }
        if (Peek('('))
        {
            _at++;
            var inner = ParseOr();
            Expect(')');
            return inner;
        }
        var attribute = Normalize(Word() ?? throw Error("an attribute name is expected"));
        if (Peek('['))
        {
            _at++;
            var inner = ParseOr();
            Expect(']');
            return new ScimValuePath(attribute, inner);
        }
        var op = (Word() ?? throw Error($"an operator is expected after '{attribute}'")).ToLowerInvariant();
        if (op == "pr")
        {
            return new ScimPresent(attribute);
        }
        if (!ScimFilter.Operators.Contains(op))
        {
            throw Error($"unknown operator '{op}'");
        }
        return new ScimCompare(attribute, op, Value());
    }

    private object? Value()
    {
        SkipSpaces();
        if (Peek('"'))
        {
            return String();
        }
        var word = Word() ?? throw Error("a value is expected");
        return word switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ when double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw Error($"'{word}' is not a value (strings need double quotes)"),
        };
    }

    private string String()
    {
        var start = _at++;
        var escaped = false;
        while (_at < text.Length && (escaped || text[_at] != '"'))
        {
            escaped = !escaped && text[_at] == '\\';
            _at++;
        }
        if (_at >= text.Length)
        {
            throw Error("a string is not closed");
        }
        _at++;
        try
        {
            return JsonSerializer.Deserialize<string>(text[start.._at])!;
        }
        catch (JsonException)
        {
            throw Error("a string has a bad escape");
        }
    }

    private string? Word()
    {
        SkipSpaces();
        var builder = new StringBuilder();
        while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] is '.' or ':' or '_' or '-' or '$' or '+'))
        {
            builder.Append(text[_at++]);
        }
        return builder.Length == 0 ? null : builder.ToString();
    }

    private bool Keyword(string keyword)
    {
        SkipSpaces();
        var end = _at + keyword.Length;
        if (end <= text.Length && string.Compare(text, _at, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (end == text.Length || text[end] is ' ' or '('))
        {
            _at = end;
            return true;
        }
        return false;
    }

    private bool Peek(char c)
    {
        SkipSpaces();
        return _at < text.Length && text[_at] == c;
    }

    private void Expect(char c)
    {
        if (!Peek(c))
        {
            throw Error($"'{c}' is expected");
        }
        _at++;
    }

    private void SkipSpaces()
    {
        while (_at < text.Length && char.IsWhiteSpace(text[_at]))
        {
            _at++;
        }
    }

    private ScimException Error(string what) => ScimException.InvalidFilter($"The filter '{text}' is not valid at position {_at + 1}: {what}.");

    /// <summary>Drops the core schema URN prefix and lower-cases the path.</summary>
    public static string Normalize(string attribute)
    {
        foreach (var urn in new[] { ScimPaths.UserSchema + ":", ScimPaths.GroupSchema + ":" })
        {
            if (attribute.StartsWith(urn, StringComparison.OrdinalIgnoreCase))
            {
                attribute = attribute[urn.Length..];
            }
        }
        return attribute.ToLowerInvariant();
    }
}

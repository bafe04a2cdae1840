using System.Globalization;
using System.Text;
using Iomete.Engine.Sessions;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Types;

/// <summary>
/// DuckDB column types (as <c>DESCRIBE</c> prints them) as Iceberg types. Nested fields get ids from
/// <paramref name="nextId"/>; the catalog assigns a new table's final ids. Types Iceberg cannot hold are refused with
/// the closest supported type named.
/// </summary>
internal static class DuckDbTypes
{
    public static IcebergType ToIceberg(string duckDbType, Func<int> nextId)
    {
        var parser = new TypeParser(duckDbType, nextId);
        var type = parser.Parse();
        parser.End();
        return type;
    }

    private sealed class TypeParser(string text, Func<int> nextId)
    {
        private int pos;

        public IcebergType Parse()
        {
            var name = Word();
            IcebergType type;
            switch (name)
            {
                case "STRUCT":
                    Expect('(');
                    var fields = new List<NestedField>();
                    do
                    {
                        var fieldName = Identifier();
                        var id = nextId();
                        fields.Add(IcebergTypes.Optional(id, fieldName, Parse()));
                    }
                    while (Accept(','));
                    Expect(')');
                    type = new StructType(fields);
                    break;
                case "MAP":
                    Expect('(');
                    var keyId = nextId();
                    var key = Parse();
                    Expect(',');
                    var valueId = nextId();
                    var value = Parse();
                    Expect(')');
                    type = IcebergTypes.Map(keyId, key, valueId, value);
                    break;
                case "DECIMAL" or "NUMERIC":
                    var (precision, scale) = (18, 3);
                    if (Accept('('))
                    {
                        precision = Number();
                        scale = Accept(',') ? Number() : 0;
                        Expect(')');
                    }
                    type = IcebergTypes.Decimal(precision, scale);
                    break;
                case "TIMESTAMP" when AcceptWords("WITH", "TIME", "ZONE"):
                    type = IcebergTypes.TimestampTz;
                    break;
                case "TIME" when AcceptWords("WITH", "TIME", "ZONE"):
                    throw Unsupported("TIME WITH TIME ZONE", "TIME");
                default:
                    type = Primitive(name);
                    break;
            }
            while (Accept('['))
            {
                while (pos < text.Length && char.IsDigit(text[pos]))
                {
                    pos++;
                }
                Expect(']');
                type = IcebergTypes.List(nextId(), type);
            }
            return type;
        }

        private static IcebergType Primitive(string name) => name switch
        {
            "BOOLEAN" or "BOOL" => IcebergTypes.Boolean,
            "TINYINT" or "SMALLINT" or "INTEGER" or "INT" or "UTINYINT" or "USMALLINT" => IcebergTypes.Int,
            "BIGINT" or "UINTEGER" => IcebergTypes.Long,
            "UBIGINT" => IcebergTypes.Decimal(20, 0),
            "HUGEINT" or "UHUGEINT" => IcebergTypes.Decimal(38, 0),
            "FLOAT" or "REAL" => IcebergTypes.Float,
            "DOUBLE" => IcebergTypes.Double,
            "DATE" => IcebergTypes.Date,
            "TIME" => IcebergTypes.Time,
            "TIMESTAMP" or "DATETIME" or "TIMESTAMP_US" => IcebergTypes.Timestamp,
            "TIMESTAMP_MS" or "TIMESTAMP_S" => IcebergTypes.Timestamp,
            "TIMESTAMPTZ" => IcebergTypes.TimestampTz,
            "TIMESTAMP_NS" => IcebergTypes.TimestampNs,
            "VARCHAR" or "STRING" or "TEXT" or "JSON" => IcebergTypes.String,
            "UUID" => IcebergTypes.Uuid,
            "BLOB" or "BYTEA" or "VARBINARY" => IcebergTypes.Binary,
            "INTERVAL" => throw Unsupported(name, "BIGINT microseconds"),
            "NULL" or "\"NULL\"" => IcebergTypes.String,
            _ => throw Unsupported(name, "a primitive type"),
        };

        private static SqlInvalidException Unsupported(string name, string instead) =>
            new($"Iceberg tables cannot hold DuckDB type {name}; cast it to {instead}");

        public void End()
        {
            SkipSpace();
            if (pos != text.Length)
            {
                throw new SqlInvalidException($"Cannot read the DuckDB type '{text}'");
            }
        }

        private string Word()
        {
            SkipSpace();
            var start = pos;
            while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
            {
                pos++;
            }
            if (start == pos)
            {
                throw new SqlInvalidException($"Cannot read the DuckDB type '{text}'");
            }
            return text[start..pos].ToUpperInvariant();
        }

        private string Identifier()
        {
            SkipSpace();
            if (pos < text.Length && text[pos] == '"')
            {
                var sb = new StringBuilder();
                pos++;
                while (pos < text.Length)
                {
                    if (text[pos] == '"' && pos + 1 < text.Length && text[pos + 1] == '"')
                    {
                        sb.Append('"');
                        pos += 2;
                    }
                    else if (text[pos] == '"')
                    {
                        pos++;
                        return sb.ToString();
                    }
                    else
                    {
                        sb.Append(text[pos++]);
                    }
                }
                throw new SqlInvalidException($"Cannot read the DuckDB type '{text}'");
            }
            var start = pos;
            while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
            {
                pos++;
            }
            return text[start..pos];
        }

        private int Number()
        {
            SkipSpace();
            var start = pos;
            while (pos < text.Length && char.IsDigit(text[pos]))
            {
                pos++;
            }
            return int.Parse(text.AsSpan(start, pos - start), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        private bool AcceptWords(params string[] words)
        {
            var save = pos;
            foreach (var w in words)
            {
                SkipSpace();
                if (pos >= text.Length || !char.IsLetter(text[pos]) || Word() != w)
                {
                    pos = save;
                    return false;
                }
            }
            return true;
        }

        private bool Accept(char c)
        {
            SkipSpace();
            if (pos < text.Length && text[pos] == c)
            {
                pos++;
                return true;
            }
            return false;
        }

        private void Expect(char c)
        {
            if (!Accept(c))
            {
                throw new SqlInvalidException($"Cannot read the DuckDB type '{text}'");
            }
        }

        private void SkipSpace()
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }
        }
    }
}

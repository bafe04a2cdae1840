using System.Text.Json;
using Iomete.Iceberg.Expressions;

namespace Iomete.Iceberg.Json;

public static partial class ExpressionJson
{
    public static string ToJson(Expression expression) => JsonWrite.ToString(w => Write(w, expression));

    /// <summary>Writes the spec's form; bound literals are written in the spec's value form of their type.</summary>
    public static void Write(Utf8JsonWriter writer, Expression expression)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(expression);
        writer.WriteStartObject();
        switch (expression)
        {
            case TrueExpression:
                writer.WriteString("type", "true");
                break;
            case FalseExpression:
                writer.WriteString("type", "false");
                break;
            case And a:
                WriteBinary(writer, "and", a.Left, a.Right);
                break;
            case Or o:
                WriteBinary(writer, "or", o.Left, o.Right);
                break;
            case Not n:
                writer.WriteString("type", "not");
                writer.WritePropertyName("child");
                Write(writer, n.Child);
                break;
            case UnboundPredicate p:
                WritePredicate(writer, p.Op, p.Term, p.Literals, LiteralJson.WriteUnbound);
                break;
            case BoundPredicate p:
                var term = p.Term is BoundTransform t ? (Term)new TransformTerm(t.Transform, new Reference(t.Ref.Field.Name)) : new Reference(p.Term.Field.Name);
                WritePredicate(writer, p.Op, term, p.Literals, (w, value) => LiteralJson.WriteTyped(w, p.Term.Type, value));
                break;
            default:
                throw new ArgumentException($"Unknown expression {expression.GetType().Name}", nameof(expression));
        }
        writer.WriteEndObject();
    }

    private static void WriteBinary(Utf8JsonWriter writer, string type, Expression left, Expression right)
    {
        writer.WriteString("type", type);
        writer.WritePropertyName("left");
        Write(writer, left);
        writer.WritePropertyName("right");
        Write(writer, right);
    }

    private static void WritePredicate(Utf8JsonWriter writer, Operation op, Term term, IReadOnlyList<object> literals, Action<Utf8JsonWriter, object> literal)
    {
        writer.WriteString("type", op.Name());
        writer.WritePropertyName("term");
        if (term is TransformTerm t)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "transform");
            writer.WriteString("transform", t.Transform.ToString());
            writer.WriteString("term", t.Ref.ColumnName);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStringValue(term.Name);
        }
        if (op.IsSet())
        {
            writer.WriteStartArray("values");
            foreach (var value in literals)
            {
                literal(writer, value);
            }
            writer.WriteEndArray();
        }
        else if (!op.IsUnary())
        {
            writer.WritePropertyName("value");
            literal(writer, literals[0]);
        }
    }
}

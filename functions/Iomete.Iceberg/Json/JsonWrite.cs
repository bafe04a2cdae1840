using System.Text;
using System.Text.Json;

namespace Iomete.Iceberg.Json;

/// <summary>Writes with <see cref="Utf8JsonWriter"/> to a string.</summary>
internal static class JsonWrite
{
    public static string ToString(Action<Utf8JsonWriter> write, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

using System.Text.Json;

namespace Iomete.Console.Push;

/// <summary>One event off the platform's push stream: its SSE type (e.g. <c>sql.query</c>), id and JSON data.</summary>
public sealed record PushMessage(string Type, long? Id, JsonElement Data);

/// <summary>Where the console's push connection stands; shown in the app bar.</summary>
public enum PushStatus
{
    Off,
    Connecting,
    Live,
    Reconnecting,
}

using System.Runtime.CompilerServices;
using DurableTask.Core;
using DurableTask.Core.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Iomete.DurableTask.Sql.Backend;

/// <summary>
/// DurableTask.Core's own JSON conventions (those of its <c>JsonDataConverter</c>): Newtonsoft with
/// <c>$type</c> on objects, dates left as strings, so every <see cref="HistoryEvent"/> subtype and
/// <see cref="TaskMessage"/> round-trips.
/// </summary>
internal static class DtJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.Objects,
        DateParseHandling = DateParseHandling.None,
        SerializationBinder = new CoreTypesBinder(),
        ContractResolver = new HistoryEventResolver(),
    };

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    public static T Deserialize<T>(string json) =>
        JsonConvert.DeserializeObject<T>(json, Settings) ?? throw new InvalidDataException($"Stored JSON is not a {typeof(T).Name}.");

    /// <summary>
    /// Creates history events that have several constructors and none marked for JSON (ExecutionRewoundEvent) the way
    /// a data contract serializer does: uninitialized, then filled from their data members.
    /// </summary>
    private sealed class HistoryEventResolver : DefaultContractResolver
    {
        protected override JsonObjectContract CreateObjectContract(Type objectType)
        {
            var contract = base.CreateObjectContract(objectType);
            if (typeof(HistoryEvent).IsAssignableFrom(objectType) && !objectType.IsAbstract
                && contract.DefaultCreator is null && contract.OverrideCreator is null && contract.CreatorParameters.Count == 0)
            {
                contract.DefaultCreator = () => RuntimeHelpers.GetUninitializedObject(objectType);
            }
            return contract;
        }
    }

    /// <summary>
    /// Names history events by their DurableTask.Core type: hosts derive their own (the sidecar's
    /// <c>GrpcSubOrchestrationInstanceCreatedEvent</c>), which must still load where that assembly is absent.
    /// </summary>
    private sealed class CoreTypesBinder : DefaultSerializationBinder
    {
        private static readonly System.Reflection.Assembly Core = typeof(HistoryEvent).Assembly;

        public override void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
        {
            var type = serializedType;
            if (typeof(HistoryEvent).IsAssignableFrom(type))
            {
                while (type.Assembly != Core && type.BaseType is { } parent)
                {
                    type = parent;
                }
            }
            base.BindToName(type, out assemblyName, out typeName);
        }
    }
}

using System.Runtime.CompilerServices;
using DurableTask.Core;
using DurableTask.Core.History;
using Iomete.DurableTask.Sql.Backend;

namespace Iomete.DurableTask.Sql.Tests.Backend;

public sealed class DtJsonTests
{
    public static TheoryData<string> HistoryEventTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(HistoryEvent).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && typeof(HistoryEvent).IsAssignableFrom(t)))
        {
            data.Add(type.FullName!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HistoryEventTypes))]
    public void EveryHistoryEventType_RoundTripsAsItsOwnType(string typeName)
    {
        var type = typeof(HistoryEvent).Assembly.GetType(typeName)!;
        var original = (HistoryEvent)RuntimeHelpers.GetUninitializedObject(type);
        typeof(HistoryEvent).GetProperty(nameof(HistoryEvent.EventId))!.GetSetMethod(nonPublic: true)!.Invoke(original, [7]);
        original.Timestamp = new DateTime(2026, 11, 28, 1, 2, 3, 456, DateTimeKind.Utc);

        var copy = DtJson.Deserialize<HistoryEvent>(DtJson.Serialize(original));

        Assert.IsType(type, copy);
        Assert.Equal(7, copy.EventId);
        Assert.Equal(original.Timestamp, copy.Timestamp);
        Assert.Equal(original.EventType, copy.EventType);
    }

    [Fact]
    public void TaskMessage_RoundTripsWithItsEventAndInstance()
    {
        var instance = new OrchestrationInstance { InstanceId = "i", ExecutionId = "e" };
        var message = new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new TimerFiredEvent(-1, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)) { TimerId = 3 },
        };

        var copy = DtJson.Deserialize<TaskMessage>(DtJson.Serialize(message));

        var fired = Assert.IsType<TimerFiredEvent>(copy.Event);
        Assert.Equal(3, fired.TimerId);
        Assert.Equal(message.Event.Timestamp, fired.Timestamp);
        Assert.Equal(DateTimeKind.Utc, fired.FireAt.Kind);
        Assert.Equal("e", copy.OrchestrationInstance.ExecutionId);
    }
}

namespace Iomete.Functions.Clusters.Actors;

/// <summary>An actor type whose reminders <see cref="ReminderPump"/> delivers (through the actor's turns).</summary>
public interface IReminderTarget
{
    string ActorType { get; }

    Task ReceiveReminderAsync(string actorId, string name, CancellationToken ct);
}

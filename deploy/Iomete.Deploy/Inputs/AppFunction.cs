namespace Iomete.Deploy.Inputs;

/// <summary>One function of the built app: what functions.metadata says, plus its pub/sub and cron attributes.</summary>
internal sealed record AppFunction(
    string Name,
    string Route,
    IReadOnlyList<string> Methods,
    string ScriptFile,
    string EntryPoint,
    IReadOnlyList<TopicSubscription> Subscriptions,
    CronBinding? Cron);

/// <summary>A <c>[TopicSubscription]</c>: Dapr delivers the topic's events to the function's route.</summary>
internal sealed record TopicSubscription(string PubSubName, string Topic);

/// <summary>A <c>[CronBinding]</c>: a Dapr cron input binding posts to the function's route on the schedule.</summary>
internal sealed record CronBinding(string Name, string Schedule);

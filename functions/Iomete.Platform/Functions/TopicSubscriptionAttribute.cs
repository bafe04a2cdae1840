namespace Iomete.Platform.Functions;

/// <summary>
/// Marks an HTTP function as the subscriber of a pub/sub topic. In a cluster a declarative Dapr <c>Subscription</c>
/// for <see cref="Topic"/> on <see cref="PubSubName"/> posts each event to the function's route as a CloudEvent; the
/// local host's event bus does the same over loopback. Either way the caller authenticates with the app API token
/// (<c>dapr-api-token</c>), so the route must live under <c>internal/</c> and serve only the platform's own calls.
/// A non-2xx answer makes the event be delivered again.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TopicSubscriptionAttribute(string topic) : Attribute
{
    public const string DefaultPubSub = "pubsub";

    public string Topic => topic;

    /// <summary>The Dapr pub/sub component the topic lives on.</summary>
    public string PubSubName { get; init; } = DefaultPubSub;
}

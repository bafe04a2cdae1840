using System.Collections.Concurrent;
using Dapr.Client.Autogen.Grpc.v1;
using Grpc.Core;

namespace Iomete.Functions.App.Tests.Dapr;

/// <summary>What the fake sidecar knows (its components) and what it saw.</summary>
internal sealed class SidecarState(string pubSubName, string stateStoreName)
{
    private readonly InMemoryDaprStore _store = new();

    public ConcurrentQueue<PublishEventRequest> Published { get; } = new();

    public ConcurrentQueue<GetStateRequest> GetRequests { get; } = new();

    public ConcurrentQueue<StateItem> SavedItems { get; } = new();

    public ConcurrentQueue<RecordedInvocation> Invocations { get; } = new();

    /// <summary>Like the runtime, an unknown component name is the caller's error.</summary>
    public void RequirePubSub(string name)
    {
        if (name != pubSubName)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"pubsub {name} not found"));
        }
    }

    public InMemoryDaprStore Store(string name) =>
        name == stateStoreName ? _store : throw new RpcException(new Status(StatusCode.InvalidArgument, $"state store {name} is not found"));
}

/// <summary>One request to the sidecar's HTTP invocation API, as it arrived.</summary>
internal sealed record RecordedInvocation(string Method, string AppId, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);

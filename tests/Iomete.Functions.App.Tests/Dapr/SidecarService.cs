using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Dapr.Client.Autogen.Grpc.v1;

namespace Iomete.Functions.App.Tests.Dapr;

/// <summary>The fake sidecar's runtime service: records each call and keeps state in <see cref="InMemoryDaprStore"/>.</summary>
internal sealed class SidecarService(SidecarState state) : DaprRuntimeServiceBase
{
    public override Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        state.RequirePubSub(request.PubsubName);
        state.Published.Enqueue(request);
        return Task.FromResult(new Empty());
    }

    public override Task<GetStateResponse> GetState(GetStateRequest request, ServerCallContext context)
    {
        state.GetRequests.Enqueue(request);
        var entry = state.Store(request.StoreName).Get(request.Key);
        var response = new GetStateResponse();
        if (entry is { } found)
        {
            response.Data = ByteString.CopyFrom(found.Data);
            response.Etag = found.ETag;
        }
        return Task.FromResult(response);
    }

    public override Task<Empty> SaveState(SaveStateRequest request, ServerCallContext context)
    {
        var store = state.Store(request.StoreName);
        foreach (var item in request.States)
        {
            state.SavedItems.Enqueue(item);
            store.Save(item.Key, item.Value.ToByteArray(), item.Etag?.Value, item.Options?.Concurrency);
        }
        return Task.FromResult(new Empty());
    }

    public override Task<Empty> DeleteState(DeleteStateRequest request, ServerCallContext context)
    {
        state.Store(request.StoreName).Delete(request.Key, request.Etag?.Value, request.Options?.Concurrency);
        return Task.FromResult(new Empty());
    }
}

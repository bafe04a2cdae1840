using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Iomete.Functions.App.Tests.Dapr;

/// <summary>
/// The server side of Dapr's runtime service (<c>dapr.proto.runtime.v1.Dapr</c>) for the methods the adapters call, on
/// the messages of Dapr.Protos. That package ships only the client stub, so this is what protoc would generate as
/// <c>DaprBase</c>: Grpc.AspNetCore binds each method to the override of the virtual method of the same name.
/// </summary>
[BindServiceMethod(typeof(DaprRuntimeServiceBase), nameof(BindService))]
internal abstract class DaprRuntimeServiceBase
{
    private const string ServiceName = "dapr.proto.runtime.v1.Dapr";

    public static void BindService(ServiceBinderBase binder, DaprRuntimeServiceBase? service)
    {
        binder.AddMethod(Unary(nameof(PublishEvent), PublishEventRequest.Parser, Empty.Parser), service is null ? null : service.PublishEvent);
        binder.AddMethod(Unary(nameof(GetState), GetStateRequest.Parser, GetStateResponse.Parser), service is null ? null : service.GetState);
        binder.AddMethod(Unary(nameof(SaveState), SaveStateRequest.Parser, Empty.Parser), service is null ? null : service.SaveState);
        binder.AddMethod(Unary(nameof(DeleteState), DeleteStateRequest.Parser, Empty.Parser), service is null ? null : service.DeleteState);
    }

    public virtual Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<GetStateResponse> GetState(GetStateRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<Empty> SaveState(SaveStateRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<Empty> DeleteState(DeleteStateRequest request, ServerCallContext context) => throw Unimplemented();

    private static RpcException Unimplemented() => new(new Status(StatusCode.Unimplemented, ""));

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name, MessageParser<TRequest> requests, MessageParser<TResponse> responses)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        new(MethodType.Unary, ServiceName, name,
            Marshallers.Create(m => m.ToByteArray(), requests.ParseFrom),
            Marshallers.Create(m => m.ToByteArray(), responses.ParseFrom));
}

using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Iomete.Functions.Sql.SparkConnect.Protocol;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>One gRPC channel per Spark Connect address, shared by the queries that run there (a channel multiplexes calls).</summary>
public sealed class SparkConnectChannels(IOptions<SparkConnectOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<Uri, GrpcChannel> _channels = new();

    /// <summary>A new Spark session (fresh session id) on <paramref name="address"/> as the given user.</summary>
    internal SparkConnectSession OpenSession(SparkConnectAddress address, string userId, string? userName)
    {
        var channel = _channels.GetOrAdd(address.ChannelUri, uri => GrpcChannel.ForAddress(uri, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = null,
            // Pings find a driver that went away during a long query; a connect attempt to one gives up instead of hanging.
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(15),
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            },
        }));
        var headers = new Metadata();
        var token = address.Token ?? options.Value.Token;
        if (!string.IsNullOrEmpty(token))
        {
            headers.Add("authorization", "Bearer " + token);
        }
        var user = new UserContext { UserId = userId, UserName = userName ?? userId };
        return new SparkConnectSession(new SparkConnectService.SparkConnectServiceClient(channel), Guid.NewGuid().ToString(), user, options.Value.ClientType, headers);
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
        _channels.Clear();
    }
}

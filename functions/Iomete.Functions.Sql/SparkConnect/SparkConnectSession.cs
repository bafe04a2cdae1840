using System.Runtime.CompilerServices;
using Grpc.Core;
using Iomete.Functions.Sql.SparkConnect.Protocol;

namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>One Spark Connect session: the calls of one query, under one session id and user context.</summary>
internal sealed class SparkConnectSession(
    SparkConnectService.SparkConnectServiceClient client, string sessionId, UserContext user, string clientType, Metadata headers)
{
    public string SessionId => sessionId;

    /// <summary>Runs a plan and yields the server's responses; the call is cancelled with <paramref name="ct"/>.</summary>
    public async IAsyncEnumerable<ExecutePlanResponse> ExecuteAsync(
        Plan plan, string operationId, IEnumerable<string> tags, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = new ExecutePlanRequest
        {
            SessionId = sessionId,
            UserContext = user,
            Plan = plan,
            ClientType = clientType,
            OperationId = operationId,
        };
        request.Tags.AddRange(tags);
        using var call = client.ExecutePlan(request, headers, cancellationToken: ct);
        await foreach (var response in call.ResponseStream.ReadAllAsync(ct))
        {
            yield return response;
        }
    }

    /// <summary>Asks the server to interrupt one operation; true when the server named it among the interrupted.</summary>
    public async Task<bool> InterruptAsync(string operationId, TimeSpan timeout)
    {
        var request = new InterruptRequest
        {
            SessionId = sessionId,
            UserContext = user,
            ClientType = clientType,
            InterruptType = InterruptRequest.Types.InterruptType.OperationId,
            OperationId = operationId,
        };
        var response = await client.InterruptAsync(request, headers, DateTime.UtcNow.Add(timeout));
        return response.InterruptedIds.Contains(operationId);
    }

    /// <summary>Ends the session on the server (its temporary views and settings go with it).</summary>
    public async Task ReleaseAsync(TimeSpan timeout) =>
        await client.ReleaseSessionAsync(new ReleaseSessionRequest { SessionId = sessionId, UserContext = user, ClientType = clientType },
            headers, DateTime.UtcNow.Add(timeout));
}

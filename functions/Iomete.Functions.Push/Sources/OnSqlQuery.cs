using Iomete.Functions.Push.Visibility;
using Iomete.Platform.Functions;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Push.Sources;

/// <summary>Pushes a SQL query's status change to its owner and the domain's owners</summary>
public sealed class OnSqlQuery(PushIntake intake)
{
    [Function("push-on-sql-query")]
    [TopicSubscription(PlatformTopics.SqlQueries)]
    [OpenApiOperation("Internal", "Pushes a SQL query's status change to its owner and the domain's owners (platform only; a pub/sub subscription)")]
    [OpenApiRequestBody(typeof(CloudEvent<SqlQueryStateChanged>))]
    [OpenApiResponse(200, typeof(PushAppendResult))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/push/subscriptions/sql-queries")] HttpRequest request,
        CancellationToken ct) =>
        intake.AcceptAsync<SqlQueryStateChanged>(request, PlatformTopics.SqlQueries, change => new PushMapping(PushEventTypes.SqlQuery, PushTopics.Queries, new Audience(AudienceKinds.Query, change.Domain, change.QueryId, change.UserId), change, change.At), ct);
}

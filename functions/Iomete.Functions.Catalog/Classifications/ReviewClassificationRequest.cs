using System.ComponentModel.DataAnnotations;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Catalog.Classifications;

/// <param name="Status">APPROVED or REJECTED.</param>
/// <param name="Comment">Required when rejecting.</param>
/// <param name="Version">The request version the reviewer saw; the review applies only to it (409 otherwise). Absent = the current one.</param>
public sealed record ReviewClassificationBody(
    [property: Required] ClassificationRequestStatus? Status,
    [property: StringLength(2000)] string? Comment = null,
    long? Version = null);

public sealed class ReviewClassificationRequest(ICallerAccessor callers, ClassificationRequestStore requests, ClassificationReview review)
{
    [Function("catalog-classification-requests-review")]
    [OpenApiOperation("Classifications", "Approve or reject a classification request",
        Description = "Approving applies the tag to the table or column at once, also in tag-based data policies. 409 when the request is not IN_REVIEW or its version changed.")]
    [OpenApiRequestBody(typeof(ReviewClassificationBody))]
    [OpenApiResponse(200, typeof(ClassificationRequest))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ClassificationAccess.AdminRequests + "/{requestId}/review")] HttpRequest request,
        string requestId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        ClassificationAccess.RequireGovernor(caller, forRead: false);
        var body = await RequestBody.ReadAsync<ReviewClassificationBody>(request, ct);
        var comment = string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim();
        if (body.Status is not (ClassificationRequestStatus.Approved or ClassificationRequestStatus.Rejected))
        {
            throw ValidationException.ForField("status", "must be APPROVED or REJECTED");
        }
        if (body.Status == ClassificationRequestStatus.Rejected && comment is null)
        {
            throw ValidationException.ForField("comment", "is required when rejecting: tell the requester why");
        }
        var found = await requests.GetAsync(requestId, ct) ?? throw new NotFoundException("Classification request", requestId);
        var version = body.Version ?? found.Version;
        var reviewed = body.Status == ClassificationRequestStatus.Approved
            ? await review.ApproveAsync(found, version, comment, caller.UserId, ct)
            : await review.RejectAsync(found, version, comment, caller.UserId, ct);
        return ApiResults.Ok(reviewed);
    }
}

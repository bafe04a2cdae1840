using System.Data.Common;
using System.Text.Json;
using Iomete.Functions.Push.Log;
using Iomete.Functions.Push.Stream;
using Iomete.Functions.Push.Visibility;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Iomete.Functions.Push.Sources;

/// <summary>What one delivered event did: appended at <paramref name="Sequence"/>, or ignored as a redelivery.</summary>
public sealed record PushAppendResult(long? Sequence, bool Duplicate);

/// <summary>What a subscription turns its payload into: the SSE event type, topic filter, audience and data.</summary>
public sealed record PushMapping(string Type, string Topic, Audience Audience, object Data, DateTimeOffset At);

/// <summary>
/// The shared path of every subscription: only the platform's own calls, the CloudEvent read, its payload mapped and
/// appended to the log once per CloudEvent id (a redelivery is acknowledged without a second event), this replica woken.
/// When the log cannot be written, this replica's connections still get the event at once (without an id).
/// </summary>
public sealed class PushIntake(ICallerAccessor callers, PushLog log, PushHub hub)
{
    public async Task<IActionResult> AcceptAsync<T>(HttpRequest request, string topic, Func<T, PushMapping> map, CancellationToken ct)
        where T : class
    {
        var caller = await callers.RequireAsync(request, ct);
        if (caller.UserId != "system" || !caller.IsSuperAdmin)
        {
            throw new ForbiddenException("Only the platform's internal calls may use this route.");
        }
        var envelope = await RequestBody.ReadAsync<CloudEvent<T>>(request, ct);
        var data = envelope.Data ?? throw ValidationException.ForField("data", "is required: the event payload");
        if (string.IsNullOrWhiteSpace(envelope.Id))
        {
            throw ValidationException.ForField("id", "is required: the CloudEvent id makes a redelivery recognisable");
        }
        var mapping = map(data);
        var draft = new PushDraft(
            $"{topic}/{envelope.Id}", mapping.Type, mapping.Topic, mapping.Audience,
            JsonSerializer.Serialize(mapping.Data, mapping.Data.GetType(), Json.Options), mapping.At);
        long? seq;
        try
        {
            seq = await log.AppendAsync(draft, ct);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException)
        {
            // The push database is down (a metadata-DB outage is exactly what health pushes): the connections here get the
            // event now, without an id; the failure makes the bus deliver it again, and then it is logged for everyone.
            hub.OfferTransient(draft.EventId, new PushEvent(PushEvent.TransientSeq, draft.Type, draft.Topic, draft.Audience, draft.Payload, draft.At));
            throw;
        }
        if (seq is not null)
        {
            hub.Wake();
        }
        return ApiResults.Ok(new PushAppendResult(seq, seq is null));
    }
}

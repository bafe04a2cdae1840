using System.Data.Common;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.EventStreams.Streams;

/// <summary>What a stream list is narrowed to, besides the text search of <see cref="ListQuery"/>.</summary>
public sealed record EventStreamFilter(EventStreamStatus? Status = null, string? Namespace = null);

/// <summary>
/// Event streams in the service database. Configuration changes are compare-and-swap on <c>version</c>; the status is
/// observed state (set by start/terminate and by the runtime) and does not bump the version, so a configure based on
/// what a user read is not refused just because the pipeline became ACTIVE meanwhile. Every state change (STARTING,
/// ACTIVE, STOPPED, deleted) is published as <see cref="EventStreamStateChanged"/> after it is committed; a creation
/// by <see cref="PublishCreatedAsync"/> once the stream is in its bundle.
/// </summary>
public sealed class EventStreamStore(IMetadataDb db, TimeProvider clock, IEventBus? bus = null) : Ingest.IEventStreamLookup
{
    /// <summary>The state a deleted stream is announced with.</summary>
    public const string DeletedState = "DELETED";

    /// <summary>Sort keys of the list API mapped to columns.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "name",
        ["createdAt"] = "created_ms",
        ["status"] = "status",
    };

    private const string Columns =
        "id AS Id, domain_id AS DomainId, name AS Name, namespace AS Namespace, bundle_id AS BundleId, status AS Status, " +
        "replicas AS Replicas, cpu_millicores AS CpuMillicores, memory_mib AS MemoryMiB, volume_id AS VolumeId, tags AS Tags, " +
        "settings AS Settings, created_by AS CreatedBy, created_ms AS CreatedMs, updated_ms AS UpdatedMs, version AS Version";

    private readonly StreamNameCache cache = new(db.ChangeSignal(EventStreamsRegistration.Service), clock);

    public async Task<EventStream?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<EventStreamRow>(new CommandDefinition(
            $"SELECT {Columns} FROM event_streams WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        return row?.ToStream();
    }

    /// <summary>The stream behind an ingest URL; served from memory while nothing changed (the ingest hot path).</summary>
    public async Task<EventStream?> FindAsync(string @namespace, string name, CancellationToken ct)
    {
        var ticket = cache.Begin();
        if (cache.TryGet(@namespace, name, ticket, out var hit))
        {
            return hit;
        }
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<EventStreamRow>(new CommandDefinition(
            $"SELECT {Columns} FROM event_streams WHERE namespace = @Namespace AND name = @Name",
            new { Namespace = @namespace, Name = name }, cancellationToken: ct));
        var found = row?.ToStream();
        cache.Remember(@namespace, name, found, ticket);
        return found;
    }

    /// <summary>Every stream that should have a pipeline (STARTING or ACTIVE), of all domains.</summary>
    public async Task<IReadOnlyList<EventStream>> ListRunnableAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<EventStreamRow>(new CommandDefinition(
            $"SELECT {Columns} FROM event_streams WHERE status IN (@Starting, @Active) ORDER BY created_ms",
            new { Starting = EventStreamRow.Stored(EventStreamStatus.Starting), Active = EventStreamRow.Stored(EventStreamStatus.Active) },
            cancellationToken: ct));
        return rows.Select(r => r.ToStream()).ToList();
    }

    /// <summary>One page of a domain's streams, filtered, searched by name and sorted as asked.</summary>
    public async Task<Page<EventStream>> ListAsync(string domainId, EventStreamFilter filter, ListQuery query, CancellationToken ct)
    {
        var where = "WHERE domain_id = @DomainId" +
                    (filter.Status is null ? "" : " AND status = @Status") +
                    (filter.Namespace is null ? "" : " AND namespace = @Namespace") +
                    (query.SearchPattern is null ? "" : " AND lower(name) LIKE @Pattern ESCAPE '\\'");
        var args = new
        {
            DomainId = domainId,
            Status = filter.Status is { } s ? EventStreamRow.Stored(s) : null,
            filter.Namespace,
            Pattern = query.SearchPattern,
            query.Limit,
            query.Offset,
        };
        await using var connection = await OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM event_streams {where}", args, cancellationToken: ct));
        // The id breaks ties so that pages never overlap.
        var rows = await connection.QueryAsync<EventStreamRow>(new CommandDefinition(
            $"SELECT {Columns} FROM event_streams {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<EventStream>(rows.Select(r => r.ToStream()).ToList(), total, query.Offset, query.Limit);
    }

    /// <summary>Inserts a new stream (version 1); 409 when its name is taken in its namespace.</summary>
    public async Task<EventStream> CreateAsync(EventStream stream, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var created = stream with { CreatedAt = now, UpdatedAt = now, Version = 1 };
        await using var connection = await OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO event_streams (id, domain_id, name, namespace, bundle_id, status, replicas, cpu_millicores, memory_mib,
                                           volume_id, tags, settings, created_by, created_ms, updated_ms, version)
                VALUES (@Id, @DomainId, @Name, @Namespace, @BundleId, @Status, @Replicas, @CpuMillicores, @MemoryMiB,
                        @VolumeId, @Tags, @Settings, @CreatedBy, @CreatedMs, @UpdatedMs, @Version)
                """,
                EventStreamRow.From(created), cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"An event stream named '{stream.Name}' already exists in namespace '{stream.Namespace}'.");
        }
        finally
        {
            cache.Changed();
        }
        return created;
    }

    /// <summary>Announces a new stream; called once it is in its resource bundle, so that its viewers can be told.</summary>
    public Task PublishCreatedAsync(EventStream created, CancellationToken ct) =>
        PublishAsync(created, null, EventStreamRow.Stored(created.Status), ct);

    /// <summary>
    /// Saves the configuration of <paramref name="updated"/> if the stored version is still <paramref name="expectedVersion"/>;
    /// 409 when someone else changed it first, 404 when it is gone. Name, namespace, domain and status are not touched.
    /// </summary>
    public async Task<EventStream> UpdateAsync(EventStream updated, long expectedVersion, CancellationToken ct)
    {
        var row = EventStreamRow.From(updated with { UpdatedAt = clock.GetUtcNow() });
        await using var connection = await OpenAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE event_streams SET bundle_id = @BundleId, replicas = @Replicas, cpu_millicores = @CpuMillicores, memory_mib = @MemoryMiB,
                   volume_id = @VolumeId, tags = @Tags, settings = @Settings, updated_ms = @UpdatedMs, version = version + 1
            WHERE id = @Id AND version = @Expected
            """,
            new
            {
                row.BundleId, row.Replicas, row.CpuMillicores, row.MemoryMiB, row.VolumeId, row.Tags, row.Settings, row.UpdatedMs, row.Id,
                Expected = expectedVersion,
            },
            cancellationToken: ct));
        cache.Changed();
        if (changed == 1)
        {
            return await GetAsync(updated.Id, ct) ?? throw new NotFoundException("Event stream", updated.Id);
        }
        var current = await GetAsync(updated.Id, ct) ?? throw new NotFoundException("Event stream", updated.Id);
        throw new ConflictException(
            $"The event stream '{current.Name}' was changed by someone else (version {current.Version}, expected {expectedVersion}); read it again and retry.");
    }

    /// <summary>Records the observed state; unknown ids are ignored (the stream was deleted meanwhile).</summary>
    public async Task SetStatusAsync(string id, EventStreamStatus status, CancellationToken ct)
    {
        var next = EventStreamRow.Stored(status);
        await using var connection = await OpenAsync(ct);
        // Compare-and-swap on the status read, so that the published previous state is the one actually replaced.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await connection.QuerySingleOrDefaultAsync<EventStreamRow>(new CommandDefinition(
                $"SELECT {Columns} FROM event_streams WHERE id = @Id", new { Id = id }, cancellationToken: ct));
            if (current is null)
            {
                return;
            }
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE event_streams SET status = @Status, updated_ms = @Now WHERE id = @Id AND status = @Previous",
                new { Id = id, Status = next, Previous = current.Status, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct));
            if (changed == 1)
            {
                cache.Changed();
                if (current.Status != next)
                {
                    await PublishAsync(current.ToStream(), current.Status, next, ct);
                }
                return;
            }
        }
        cache.Changed();
    }

    /// <summary>Removes the stream; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var current = await connection.QuerySingleOrDefaultAsync<EventStreamRow>(new CommandDefinition(
            $"SELECT {Columns} FROM event_streams WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM event_streams WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        cache.Changed();
        if (deleted == 1 && current is not null)
        {
            await PublishAsync(current.ToStream(), current.Status, DeletedState, ct);
        }
        return deleted == 1;
    }

    private async Task PublishAsync(EventStream stream, string? previous, string state, CancellationToken ct)
    {
        if (bus is not null)
        {
            await bus.PublishAsync(PlatformTopics.EventStreams, new EventStreamStateChanged(
                stream.DomainId, stream.Id, stream.Name, previous, state, null, clock.GetUtcNow()), ct);
        }
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(EventStreamsRegistration.Service, ct);
}

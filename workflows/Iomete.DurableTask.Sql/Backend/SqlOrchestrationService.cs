using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.Query;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Iomete.DurableTask.Sql.Backend;

/// <summary>
/// A DurableTask.Core backend on PostgreSQL or SQLite, designed like the SQL Server provider: instances, history,
/// new events (orchestration messages and timers) and new tasks (activity messages) in tables; work items are
/// leased to one worker at a time (owner token + expiry, renewed while held) and competing workers skip each
/// other's rows. Every completion is one transaction that fails when the lease was lost.
/// </summary>
public sealed partial class SqlOrchestrationService :
    IOrchestrationService,
    IOrchestrationServiceClient,
    IOrchestrationServiceQueryClient,
    IOrchestrationServicePurgeClient,
    IAsyncDisposable
{
    private readonly SqlOrchestrationServiceSettings _settings;
    private readonly SqlDatabase _db;
    private readonly SqlCommands _sql;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly WorkSignal _orchestrationWork = new();
    private readonly WorkSignal _activityWork = new();
    private readonly CompletionWaiters _waiters = new();
    private readonly ConcurrentDictionary<string, HeldOrchestration> _heldOrchestrations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, string> _heldActivities = new();
    private readonly LeaseRenewal _renewal;
    private readonly ConcurrentQueue<TaskOrchestrationWorkItem> _orchestrationBuffer = new();
    private readonly ConcurrentQueue<TaskActivityWorkItem> _activityBuffer = new();

    public SqlOrchestrationService(SqlOrchestrationServiceSettings settings, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _db = SqlDatabase.Create(settings);
        _sql = new SqlCommands(settings.TablePrefix, _db);
        _log = (loggers ?? NullLoggerFactory.Instance).CreateLogger<SqlOrchestrationService>();
        _time = time ?? TimeProvider.System;
        _renewal = new LeaseRenewal(settings.LeaseDuration / 3, RenewHeldLeasesAsync, _log);
    }

    public SqlOrchestrationServiceSettings Settings => _settings;

    public int TaskOrchestrationDispatcherCount => 1;

    public int MaxConcurrentTaskOrchestrationWorkItems => _settings.MaxConcurrentOrchestrations;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => BehaviorOnContinueAsNew.Carryover;

    public int TaskActivityDispatcherCount => 1;

    public int MaxConcurrentTaskActivityWorkItems => _settings.MaxConcurrentActivities;

    public Task StartAsync()
    {
        _renewal.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync() => StopAsync(isForced: false);

    /// <summary>Stops renewing leases; locked work items not yet handed to a dispatcher are released first.</summary>
    public async Task StopAsync(bool isForced)
    {
        while (_orchestrationBuffer.TryDequeue(out var orchestration))
        {
            await ReleaseTaskOrchestrationWorkItemAsync(orchestration);
        }
        while (_activityBuffer.TryDequeue(out var activity))
        {
            await ReleaseBufferedActivityAsync(activity);
        }
        await _renewal.StopAsync();
    }

    public Task CreateAsync() => CreateAsync(recreateInstanceStore: true);

    public async Task CreateAsync(bool recreateInstanceStore)
    {
        if (recreateInstanceStore)
        {
            await DeleteAsync(deleteInstanceStore: true);
        }
        await CreateIfNotExistsAsync();
    }

    /// <summary>Creates the tables and indexes if missing; safe when several processes start at once.</summary>
    public async Task CreateIfNotExistsAsync()
    {
        await _db.CreateSchemaAsync(SqlSchema.Statements(_settings.TablePrefix, _db), CancellationToken.None);
        Log.SchemaReady(_log, _settings.TablePrefix, _settings.Provider);
    }

    public Task DeleteAsync() => DeleteAsync(deleteInstanceStore: true);

    public async Task DeleteAsync(bool deleteInstanceStore)
    {
        if (!deleteInstanceStore)
        {
            return;
        }
        await using var write = await _db.BeginWriteAsync(CancellationToken.None);
        foreach (var table in SqlCommands.Tables)
        {
            await write.ExecuteAsync($"DROP TABLE IF EXISTS {_settings.TablePrefix}{table}", null, CancellationToken.None);
        }
        await write.CommitAsync(CancellationToken.None);
    }

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => false;

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => exception is OperationCanceledException ? 0 : 1;

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => exception is OperationCanceledException ? 0 : 1;

    /// <summary>Stops renewing held leases (their work items expire and go to another worker) and closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        await _renewal.StopAsync();
        _heldOrchestrations.Clear();
        _heldActivities.Clear();
        await _db.DisposeAsync();
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private long ExpiryMs(long now) => now + (long)_settings.LeaseDuration.TotalMilliseconds;

    private static string NewToken() => Guid.NewGuid().ToString("N");

    /// <summary>An orchestration work item this service holds: its lease token and what it consumed.</summary>
    private sealed record HeldOrchestration(string Token, string ExecutionId, IReadOnlyList<long> ConsumedSeqs);
}

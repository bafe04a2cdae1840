using Iomete.Functions.Maintenance.Settings;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Maintenance.Runs;

/// <summary>The list filters of the run routes (<c>operation</c>, <c>state</c>, and for the domain list <c>catalog</c>, <c>database</c>, <c>table</c>).</summary>
internal static class RunQueries
{
    public static RunFilter Filter(HttpRequest request, TableName? table)
    {
        var operationText = request.Query["operation"].ToString();
        var stateText = request.Query["state"].ToString();
        MaintenanceOperation? operation = null;
        if (operationText.Length > 0)
        {
            operation = MaintenanceOperations.Parse(operationText)
                ?? throw ValidationException.ForField("operation", $"must be one of: {string.Join(", ", MaintenanceOperations.All.Select(o => o.Name()))}");
        }
        MaintenanceRunState? state = null;
        if (stateText.Length > 0)
        {
            state = Enum.TryParse<MaintenanceRunState>(stateText, ignoreCase: true, out var s) && !int.TryParse(stateText, out _)
                ? s
                : throw ValidationException.ForField("state", "must be one of: PENDING, RUNNING, COMPLETED, FAILED");
        }
        return new RunFilter(
            table?.Catalog ?? Text(request, "catalog"), table?.Database ?? Text(request, "database"), table?.Table ?? Text(request, "table"), operation, state);
    }

    /// <summary>Offset, limit and sort; newest first unless a sort is asked for.</summary>
    public static ListQuery Page(HttpRequest request)
    {
        var query = ListQuery.From(request, RunStore.Sortable, "createdAt");
        return request.Query["sort"].ToString().Length == 0 ? query with { Descending = true } : query;
    }

    /// <summary>Leaves out the runs of tables the caller may not see.</summary>
    public static async Task<Page<MaintenanceRun>> VisibleAsync(Page<MaintenanceRun> page, Caller caller, TableAccess tables, CancellationToken ct)
    {
        var visible = new Dictionary<TableName, bool>();
        var items = new List<MaintenanceRun>();
        foreach (var run in page.Items)
        {
            var name = new TableName(run.Catalog, run.Database, run.Table);
            if (!visible.TryGetValue(name, out var ok))
            {
                ok = visible[name] = await tables.CanSeeAsync(caller, name, ct);
            }
            if (ok)
            {
                items.Add(run);
            }
        }
        return page with { Items = items };
    }

    private static string? Text(HttpRequest request, string name) => request.Query[name].ToString() is { Length: > 0 } v ? v : null;
}

using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Sql.Monitoring;

internal static class MonitoringLists
{
    /// <summary>Paging and sorting of the monitoring lists: newest first unless a sort is given.</summary>
    public static ListQuery Query(HttpRequest request)
    {
        var query = ListQuery.From(request, MonitorFilter.Sortable, "submittedAt");
        return string.IsNullOrEmpty(request.Query["sort"]) ? query with { Descending = true } : query;
    }
}

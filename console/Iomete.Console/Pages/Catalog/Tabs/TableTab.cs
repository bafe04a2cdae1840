using Iomete.Console.Api;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Iomete.Console.Pages.Catalog.Tabs;

/// <summary>
/// A tab of the table page. A tab is rendered only while it is active, so it loads when first shown, and again when
/// the page bumps <see cref="Revision"/> (a pushed change of the table).
/// </summary>
public abstract class TableTab : ComponentBase
{
    private (TableRef?, int) loaded;

    [Parameter, EditorRequired] public TableRef Table { get; set; } = null!;

    [Parameter] public int Revision { get; set; }

    [Parameter] public bool CanManage { get; set; }

    [Inject] protected ApiClient Api { get; set; } = null!;

    [Inject] protected ISnackbar Snackbar { get; set; } = null!;

    protected bool Loading { get; private set; }

    protected ApiProblem? Problem { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (loaded != (Table, Revision))
        {
            loaded = (Table, Revision);
            await ReloadAsync();
        }
    }

    protected async Task ReloadAsync()
    {
        Loading = true;
        try
        {
            await LoadAsync();
            Problem = null;
        }
        catch (ApiProblemException ex)
        {
            Problem = ex.Problem;
        }
        finally
        {
            Loading = false;
        }
    }

    protected abstract Task LoadAsync();

    protected string InTable(string rest = "") => Api.InDomain(Table.ApiPath(rest));
}

using Iomete.Console.Api;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Iomete.Console.Pages.Admin.Shared;

/// <summary>
/// The base of the admin and account pages: the platform client, the session, and one place that turns an API
/// problem into <see cref="Problem"/> (a 403 is shown by <see cref="Forbidden"/> instead of the page's content).
/// </summary>
public abstract class AdminPage : ComponentBase
{
    [Inject] protected ApiClient Api { get; set; } = null!;

    [Inject] protected ConsoleSession Session { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [Inject] protected ISnackbar Snackbar { get; set; } = null!;

    [Inject] protected IDialogService Dialogs { get; set; } = null!;

    /// <summary>The last problem an action met (shown by a <c>ProblemAlert</c>).</summary>
    protected ApiProblem? Problem { get; set; }

    /// <summary>Set when loading the page was refused (403): the page shows why instead of its content.</summary>
    protected ApiProblem? Forbidden { get; set; }

    /// <summary>True while an action runs (buttons disable, a progress bar shows).</summary>
    protected bool Busy { get; set; }

    /// <summary>The signed-in user holds <paramref name="role"/> (or is the super admin); the API still decides.</summary>
    protected bool HasRole(string role) => AdminRoles.Has(Session.User, role);

    /// <summary>The user may read admin pages guarded by <paramref name="role"/> (READ_ONLY_ADMIN reads everything).</summary>
    protected bool CanRead(string role) => HasRole(role) || HasRole(AdminRoles.ReadOnlyAdmin);

    /// <summary>Loads the page's data; a 403 becomes <see cref="Forbidden"/>, other problems <see cref="Problem"/>.</summary>
    protected async Task LoadAsync(Func<Task> load)
    {
        try
        {
            await load();
            Forbidden = null;
        }
        catch (ApiProblemException ex) when (ex.Problem.Status == 403)
        {
            Forbidden = ex.Problem;
        }
        catch (ApiProblemException ex)
        {
            Problem = ex.Problem;
        }
    }

    /// <summary>Runs an action: clears the last problem, shows progress, keeps the problem when it fails; true on success.</summary>
    protected async Task<bool> RunAsync(Func<Task> action, string? success = null)
    {
        Problem = null;
        Busy = true;
        try
        {
            await action();
            if (success is not null)
            {
                Snackbar.Add(success, Severity.Success);
            }
            return true;
        }
        catch (ApiProblemException ex)
        {
            Problem = ex.Problem;
            return false;
        }
        finally
        {
            Busy = false;
        }
    }
}

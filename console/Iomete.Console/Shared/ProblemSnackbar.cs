using Iomete.Console.Api;
using MudBlazor;

namespace Iomete.Console.Shared;

public static class ProblemSnackbar
{
    /// <summary>Runs <paramref name="action"/>; a problem answer is shown as a snackbar and returned (null on success).</summary>
    public static async Task<ApiProblem?> TryAsync(this ISnackbar snackbar, Func<Task> action, string? success = null)
    {
        try
        {
            await action();
            if (success is not null)
            {
                snackbar.Add(success, Severity.Success);
            }
            return null;
        }
        catch (ApiProblemException ex)
        {
            snackbar.Add(ex.Problem.Message, ex.Problem.Status >= 500 ? Severity.Error : Severity.Warning);
            return ex.Problem;
        }
    }
}

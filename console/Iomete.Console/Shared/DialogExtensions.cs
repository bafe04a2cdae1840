using MudBlazor;

namespace Iomete.Console.Shared;

public static class DialogExtensions
{
    /// <summary>Asks before a destructive action; true only when the user confirmed.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string action = "Delete")
    {
        var result = await dialogs.ShowMessageBoxAsync(title, message, yesText: action, cancelText: "Cancel");
        return result == true;
    }
}

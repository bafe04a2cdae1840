using Iomete.Console.Api;
using MudBlazor;

namespace Iomete.Console.Shared;

/// <summary>Light or dark, remembered in the browser; the first visit follows the system setting.</summary>
public sealed class ThemeState(ISessionStorage storage)
{
    private const string Key = "iomete.theme";

    public MudTheme Theme { get; } = new()
    {
        // Darker than MudBlazor's defaults where its text on tinted backgrounds fails WCAG AA contrast.
        PaletteLight = new PaletteLight
        {
            Primary = "#1e3a8a", Secondary = "#0f766e", AppbarBackground = "#1e3a8a",
            Warning = "#92400e", Error = "#b91c1c", Success = "#166534", Info = "#1d4ed8", TextSecondary = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark { Primary = "#93c5fd", Secondary = "#5eead4" },
    };

    public bool IsDark { get; private set; }

    public event Action? Changed;

    public async Task LoadAsync(bool systemPrefersDark)
    {
        var stored = await storage.GetAsync(Key);
        IsDark = stored is null ? systemPrefersDark : stored == "dark";
        Changed?.Invoke();
    }

    public async Task ToggleAsync()
    {
        IsDark = !IsDark;
        await storage.SetAsync(Key, IsDark ? "dark" : "light");
        Changed?.Invoke();
    }
}

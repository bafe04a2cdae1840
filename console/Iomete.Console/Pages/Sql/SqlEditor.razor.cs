using System.Globalization;
using System.Text.Json;
using BlazorMonaco.Editor;
using Iomete.Console.Api;
using Iomete.Console.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Iomete.Console.Pages.Sql;

/// <summary>
/// The SQL editor: a worksheet's text in Monaco with the pickers of where it runs, run/cancel with live status,
/// variables, results (grid, chart, downloads), auto-save and scheduling. Without a worksheet (<c>/sql</c>) the
/// text is a scratch buffer; saving it (Ctrl+S) creates a worksheet in My Workspace and opens its deep link.
/// </summary>
public partial class SqlEditor
{
    public const string EditorId = "sql-monaco";
    public const int ResultPageSize = 10_000;
    public static readonly int[] Limits = [100, 1_000, 10_000];
    private const string LimitKey = "iomete.sql.limit";

    [Parameter] public string? Id { get; set; }

    /// <summary>A query of the history to open as a scratch buffer (<c>/sql?query={id}</c>).</summary>
    [SupplyParameterFromQuery(Name = "query")] public string? FromQuery { get; set; }

    private sealed record ComputeChoice(string Name, string? Status);

    private SqlRun Run = null!;
    private AutoSaver saver = null!;
    private StandaloneCodeEditor? editor;
    private WorksheetTree? tree;
    private ResultGrid? grid;
    private DotNetObjectReference<EditorCallbackBridge>? bridge;
    private ITimer? ticker;
    private bool initialized;
    private bool monacoLoaded;
    private bool editorReady;
    private string? loadProblem;
    private string? loadedId;
    private string? loadedQuery;
    private string text = "";
    private string? worksheetName;
    private long version;
    private IReadOnlyList<ComputeChoice> computes = [new("local", "ACTIVE")];
    private IReadOnlyList<string> catalogs = [];
    private IReadOnlyList<string> databases = [];
    private string compute = "local";
    private string? catalog;
    private string? database;
    private int limit = 1_000;
    private IReadOnlyList<string> variableNames = [];
    private readonly Dictionary<string, string> variableValues = new(StringComparer.Ordinal);
    private IReadOnlyList<string> missing = [];
    private ApiProblem? problem;
    private ResultPage? result;
    private int tab;
    private bool hasSelection;
    private bool helpOpen;

    private double? Progress => Run.Query is { } q && q.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : null;

    private string SaveStateName => saver.State.ToString();

    private string SaveStateText => saver.State switch
    {
        SaveState.Saved => "Saved",
        SaveState.Pending => "Edited",
        SaveState.Saving => "Saving…",
        SaveState.Failed => "Not saved",
        _ => "Not saved: Ctrl+S saves it as a worksheet",
    };

    private string StatusText
    {
        get
        {
            if (Run.Status is null && !Run.IsRunning)
            {
                return Run.Problem is null ? "Ready" : "Refused";
            }
            var elapsed = Run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
            var step = Run.Step.Count > 1 ? $"Statement {Run.Step.Index} of {Run.Step.Count}: " : "";
            var status = Run.Status ?? "SUBMITTING";
            var rows = Run.Query?.Long("resultRowCount") is { } n && status == "COMPLETED" ? $" · {n:N0} rows" : "";
            var affected = Run.Query?.Long("rowsAffected") is { } a ? $" · {a:N0} rows affected" : "";
            var progress = Progress is { } p && Run.IsRunning ? $" · {p:P0}" : "";
            return $"{step}{status} · {elapsed}{progress}{rows}{affected}";
        }
    }

    protected override void OnInitialized()
    {
        Run = new SqlRun(Api, Time);
        Run.Changed += () => _ = InvokeAsync(StateHasChanged);
        saver = new AutoSaver(SaveAsync, TimeSpan.FromSeconds(1.5), Time);
        saver.StateChanged += () => _ = InvokeAsync(StateHasChanged);
        saver.Reset(SaveState.Unsaved);
        ticker = Time.CreateTimer(_ =>
        {
            if (Run.IsRunning)
            {
                _ = InvokeAsync(StateHasChanged);
            }
        }, null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
        Theme.Changed += OnThemeChanged;
        OnPush("sql.query", m =>
        {
            Run.OnPushed(m.Data);
            return Task.CompletedTask;
        });
    }

    protected override async Task OnDomainParametersSetAsync()
    {
        if (!initialized)
        {
            initialized = true;
            if (int.TryParse(await Storage.GetAsync(LimitKey), CultureInfo.InvariantCulture, out var stored) && Limits.Contains(stored))
            {
                limit = stored;
            }
            _ = LoadMonacoAsync();
            await LoadComputesAsync();
            catalogs = await Schema.CatalogsAsync();
        }
        if (Id is null && FromQuery is { } queryId && queryId != loadedQuery)
        {
            loadedQuery = queryId;
            await LoadFromHistoryAsync(queryId);
        }
        if (Id != loadedId)
        {
            await saver.FlushAsync();
            loadedId = Id;
            if (Id is null)
            {
                worksheetName = null;
                saver.Reset(SaveState.Unsaved);
            }
            else
            {
                await LoadWorksheetAsync(Id);
            }
        }
    }

    private async Task LoadMonacoAsync()
    {
        try
        {
            await Interop.LoadAsync();
            monacoLoaded = true;
        }
        catch (JSException ex)
        {
            loadProblem = ex.Message;
        }
        await InvokeAsync(StateHasChanged);
    }

    private async Task LoadComputesAsync()
    {
        try
        {
            var list = await Api.GetJsonAsync($"/api/v2/domains/{Uri.EscapeDataString(Domain)}/compute?limit=100");
            var found = list.Items("items").Select(c => new ComputeChoice(c.Str("name") ?? c.Str("id") ?? "", c.Str("status"))).Where(c => c.Name.Length > 0).ToList();
            if (found.Count > 0)
            {
                computes = found.Any(c => c.Name == "local") ? found : [new ComputeChoice("local", "ACTIVE"), .. found];
            }
        }
        catch (ApiProblemException)
        {
            // The embedded compute is always there; other clusters show once the list loads.
        }
    }

    private async Task LoadWorksheetAsync(string id)
    {
        problem = null;
        try
        {
            var doc = await Api.GetJsonAsync(Api.InDomain($"sql/worksheets/{Uri.EscapeDataString(id)}"));
            var sheet = doc.Obj("worksheet") ?? default;
            worksheetName = sheet.Str("name");
            version = sheet.Long("version") ?? 0;
            compute = sheet.Str("compute") ?? "local";
            catalog = sheet.Str("catalog");
            database = sheet.Str("database");
            variableValues.Clear();
            if (sheet.Obj("variables") is { ValueKind: JsonValueKind.Object } vars)
            {
                foreach (var v in vars.EnumerateObject())
                {
                    variableValues[v.Name] = v.Value.ValueKind == JsonValueKind.String ? v.Value.GetString() ?? "" : v.Value.ToString();
                }
            }
            databases = catalog is null ? [] : await Schema.DatabasesAsync(catalog);
            text = doc.Str("content") ?? "";
            variableNames = SqlText.Variables(text);
            if (editorReady)
            {
                await Interop.SetTextAsync(EditorId, text, keepUndo: false);
            }
            saver.Reset();
        }
        catch (ApiProblemException ex)
        {
            problem = ex.Problem;
            worksheetName = null;
            saver.Reset(SaveState.Unsaved);
        }
    }

    private async Task LoadFromHistoryAsync(string queryId)
    {
        try
        {
            var q = await Api.GetJsonAsync(Api.InDomain($"sql/queries/{Uri.EscapeDataString(queryId)}"));
            text = q.Str("query") ?? "";
            compute = q.Str("computeCluster") ?? compute;
            catalog = q.Str("catalog");
            database = q.Str("database");
            databases = catalog is null ? [] : await Schema.DatabasesAsync(catalog);
            variableNames = SqlText.Variables(text);
            if (editorReady)
            {
                await Interop.SetTextAsync(EditorId, text, keepUndo: true);
            }
        }
        catch (ApiProblemException ex)
        {
            problem = ex.Problem;
        }
    }

    private StandaloneEditorConstructionOptions EditorOptions(StandaloneCodeEditor _) => new()
    {
        AutomaticLayout = true,
        Language = "sql",
        Value = text,
        Theme = Theme.IsDark ? "vs-dark" : "iomete-light",
        Minimap = new EditorMinimapOptions { Enabled = false },
        ScrollBeyondLastLine = false,
        FontSize = 14,
        AriaLabel = "SQL editor",
        WordWrap = "on",
    };

    private async Task EditorInitAsync()
    {
        bridge = DotNetObjectReference.Create(new EditorCallbackBridge(this));
        await Interop.AttachAsync(EditorId, bridge);
        await Interop.SetTextAsync(EditorId, text, keepUndo: false);
        editorReady = true;
        StateHasChanged();
    }

    private void OnThemeChanged() => _ = Interop.ThemeAsync(Theme.IsDark);

    private void OpenWorksheet(string id) => Navigation.NavigateTo(Link($"sql/worksheets/{Uri.EscapeDataString(id)}"));

    private async Task WorksheetChangedAsync((string Id, string? NewName) change)
    {
        if (change.Id != Id)
        {
            return;
        }
        if (change.NewName is not null)
        {
            worksheetName = change.NewName;
        }
        else
        {
            saver.Reset(SaveState.Unsaved);
            Navigation.NavigateTo(Link("sql"));
        }
        await Task.CompletedTask;
    }

    public Task OnTextChangedAsync(string value)
    {
        if (value == text)
        {
            return Task.CompletedTask;
        }
        text = value;
        variableNames = SqlText.Variables(text);
        if (Id is not null)
        {
            saver.Changed();
        }
        return InvokeAsync(StateHasChanged);
    }

    public Task OnSelectionChangedAsync(bool selection)
    {
        if (selection == hasSelection)
        {
            return Task.CompletedTask;
        }
        hasSelection = selection;
        return InvokeAsync(StateHasChanged);
    }

    public Task<IReadOnlyList<CompletionItem>> CompleteAsync(string before, string fullText) =>
        Completion.SuggestAsync(before, fullText, catalog, database);

    /// <summary>A keyboard shortcut from the editor (see <see cref="SqlShortcuts"/>).</summary>
    public Task OnShortcutAsync(string name) => InvokeAsync(async () =>
    {
        await (name switch
        {
            SqlShortcuts.Run => RunAsync(all: false),
            SqlShortcuts.RunAll => RunAsync(all: true),
            SqlShortcuts.Save => SaveNowAsync(),
            SqlShortcuts.Format => FormatAsync(),
            _ => Task.CompletedTask,
        });
        // A call from JavaScript is not a UI event: render what the action changed.
        StateHasChanged();
    });

    private void SetVariable(string name, string? value)
    {
        variableValues[name] = value ?? "";
        missing = [.. missing.Where(m => m != name)];
        if (Id is not null)
        {
            saver.Changed();
        }
    }

    private async Task PickAsync(string field, object? value)
    {
        var v = value?.ToString();
        switch (field)
        {
            case nameof(compute):
                compute = string.IsNullOrEmpty(v) ? "local" : v;
                break;
            case nameof(catalog):
                catalog = string.IsNullOrEmpty(v) ? null : v;
                database = null;
                databases = catalog is null ? [] : await Schema.DatabasesAsync(catalog);
                break;
            case nameof(database):
                database = string.IsNullOrEmpty(v) ? null : v;
                break;
            case nameof(limit):
                limit = int.TryParse(v, CultureInfo.InvariantCulture, out var l) ? l : limit;
                await Storage.SetAsync(LimitKey, limit.ToString(CultureInfo.InvariantCulture));
                return;
        }
        if (Id is not null)
        {
            saver.Changed();
        }
    }
}

using System.Text.Json;
using Iomete.Console.Api;
using Iomete.Console.Shared;
using Microsoft.JSInterop;
using MudBlazor;

namespace Iomete.Console.Pages.Sql;

public partial class SqlEditor
{
    /// <summary>Runs the selection or the statement under the cursor (or every statement), then shows the last result.</summary>
    public async Task RunAsync(bool all)
    {
        if (Run.IsRunning || !editorReady)
        {
            return;
        }
        var state = await Interop.StateAsync(EditorId);
        if (state.Text != text)
        {
            // The editor's change notice is debounced: a run right after typing must not make that edit look saved.
            await OnTextChangedAsync(state.Text);
        }
        var statements = all ? SqlText.Split(text) : SqlText.ToRun(text, state.SelectionStart, state.SelectionEnd, state.Cursor);
        problem = null;
        if (statements.Count == 0)
        {
            problem = new ApiProblem(400, "Nothing to run", "Write a SQL statement first.", null, new Dictionary<string, string[]>());
            return;
        }
        var resolved = new List<string>();
        var lacking = new List<string>();
        foreach (var s in statements)
        {
            var (sql, absent) = SqlText.Substitute(s.Text, variableValues.Where(v => v.Value.Length > 0).ToDictionary());
            resolved.Add(sql);
            lacking.AddRange(absent.Where(a => !lacking.Contains(a)));
        }
        missing = lacking;
        if (lacking.Count > 0)
        {
            problem = new ApiProblem(400, "Variables need values", "Fill in: " + string.Join(", ", lacking), null, new Dictionary<string, string[]>());
            return;
        }
        await Interop.MarkErrorAsync(EditorId, null, null);
        result = null;
        var completed = await Run.RunAsync(resolved, new RunTarget(compute, catalog, database, limit));
        problem = Run.Problem;
        if (completed && Run.Query is { } q && q.Items("columns").Any())
        {
            await LoadResultAsync(0);
        }
        else if (Run.Query is { } failed && failed.Obj("error") is { } error && error.Long("position") is { } position)
        {
            var statement = statements[Math.Max(0, Run.Step.Index - 1)];
            await Interop.MarkErrorAsync(EditorId, statement.Start + (int)position, error.Str("message"));
        }
        if (Run.Query is not null)
        {
            // The statements may have changed the schema (CREATE TABLE …): autocomplete reads it again.
            Schema.Refresh();
        }
    }

    /// <summary>Loads the result page at <paramref name="offset"/> of the last completed query.</summary>
    public async Task LoadResultAsync(long offset)
    {
        if (Run.QueryId is not { } id)
        {
            return;
        }
        try
        {
            var page = await Api.GetJsonAsync(Api.InDomain($"sql/queries/{Uri.EscapeDataString(id)}/results?offset={offset}&limit={ResultPageSize}"));
            result = ResultPage.From(page);
        }
        catch (ApiProblemException ex)
        {
            problem = ex.Problem;
        }
        StateHasChanged();
    }

    private async Task DownloadAsync(string format)
    {
        if (Run.QueryId is not { } id)
        {
            return;
        }
        await Snackbar.TryAsync(async () =>
        {
            using var response = await Api.SendRawAsync(
                () => new HttpRequestMessage(HttpMethod.Get, Api.InDomain($"sql/queries/{Uri.EscapeDataString(id)}/results/download?format={format}")),
                HttpCompletionOption.ResponseContentRead);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? $"{id}.{format}";
            var type = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            await Js.InvokeVoidAsync("iometeConsole.saveFile", name, type, Convert.ToBase64String(bytes));
        });
    }

    private async Task FormatAsync()
    {
        if (!editorReady)
        {
            return;
        }
        var state = await Interop.StateAsync(EditorId);
        var formatted = SqlFormatter.Format(state.Text);
        if (formatted != state.Text)
        {
            await Interop.SetTextAsync(EditorId, formatted, keepUndo: true);
        }
    }

    private async Task SaveNowAsync()
    {
        if (Id is null)
        {
            await SaveAsNewAsync();
            return;
        }
        saver.Changed();
        await saver.FlushAsync();
    }

    /// <summary>A scratch buffer becomes a worksheet in My Workspace, opened at its deep link.</summary>
    private async Task SaveAsNewAsync()
    {
        if (editorReady)
        {
            text = (await Interop.StateAsync(EditorId)).Text;
        }
        var name = "Untitled " + Time.GetLocalNow().ToString("yyyy-MM-dd HH.mm.ss", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var created = await Api.PostAsync(Api.InDomain("sql/worksheets"),
                new { workspaceId = "my", name, content = text, compute, catalog, database, variables = variableValues });
            if (tree is not null)
            {
                await tree.ReloadAsync();
            }
            OpenWorksheet(created.Str("id")!);
        }
        catch (ApiProblemException ex)
        {
            problem = ex.Problem;
        }
    }

    /// <summary>Stores the text and pickers (optimistic: the version last read; a concurrent change is a 409).</summary>
    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return true;
        }
        try
        {
            var saved = await Api.PutAsync(Api.InDomain($"sql/worksheets/{Uri.EscapeDataString(id)}"),
                new { content = text, compute, catalog, database, variables = variableValues, version }, ct);
            version = saved.Long("version") ?? version + 1;
            return true;
        }
        catch (ApiProblemException ex)
        {
            problem = ex.Problem.Status == 409
                ? ex.Problem with { Detail = "The worksheet was changed elsewhere since you opened it. Copy your text, reload the worksheet and apply it again." }
                : ex.Problem;
            await InvokeAsync(StateHasChanged);
            return false;
        }
    }

    private async Task ScheduleAsync()
    {
        if (Id is null)
        {
            return;
        }
        await saver.FlushAsync();
        var parameters = new DialogParameters<ScheduleDialog>
        {
            { d => d.WorksheetId, Id },
            { d => d.WorksheetName, worksheetName ?? "worksheet" },
            { d => d.Compute, compute },
            { d => d.Catalog, catalog },
            { d => d.Database, database },
        };
        await Dialogs.ShowAsync<ScheduleDialog>("Schedule this worksheet", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
    }

    protected override void Dispose(bool disposing)
    {
        Theme.Changed -= OnThemeChanged;
        ticker?.Dispose();
        // Leaving the page saves what was typed since the last save.
        _ = saver.FlushAsync();
        if (editorReady)
        {
            _ = DetachAsync();
        }
    }

    private async Task DetachAsync()
    {
        try
        {
            await Interop.DetachAsync(EditorId);
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone.
        }
        bridge?.Dispose();
    }
}

// The SQL editor's browser side: loads BlazorMonaco's scripts on first use (not in index.html, so other pages do not
// pay for Monaco), and adds what BlazorMonaco 3.0 does not expose: keybindings, autocomplete, offsets, markers.
// window.iometeSql is a small hook for tests and benchmarks: setText(text), getText().

const base = '_content/BlazorMonaco/';
let loading = null;
let active = null; // { id, editor, dotnet }
let completionRegistered = false;

function script(src) {
  return new Promise((resolve, reject) => {
    const existing = document.querySelector(`script[data-iomete-sql="${src}"]`);
    if (existing) { resolve(); return; }
    const s = document.createElement('script');
    s.src = src;
    s.async = false;
    s.dataset.iometeSql = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('Could not load ' + src));
    document.head.appendChild(s);
  });
}

// jsInterop.js declares the AMD loader's configuration (paths.vs) as a global before loader.js reads it.
export function load() {
  if (window.monaco && window.blazorMonaco) return Promise.resolve(true);
  if (!loading) {
    loading = (async () => {
      await script(base + 'jsInterop.js');
      await script(base + 'lib/monaco-editor/min/vs/loader.js');
      await new Promise((resolve, reject) => window.require(['vs/editor/editor.main'], resolve, reject));
      defineThemes();
      return true;
    })();
    loading.catch(() => { loading = null; });
  }
  return loading;
}

// Monaco's own light theme draws SQL strings in pure red (#FF0000, 4:1 on white), below WCAG AA; ours keeps the rest.
function defineThemes() {
  monaco.editor.defineTheme('iomete-light', { base: 'vs', inherit: true, colors: {},
    rules: [{ token: 'string.sql', foreground: 'a31515' }, { token: 'string', foreground: 'a31515' },
      { token: 'operator.sql', foreground: '4b4b6b' }, { token: 'predefined.sql', foreground: '8b008b' }] });
}

function find(id) {
  const holder = (window.blazorMonaco?.editors || []).find(e => e.id === id);
  return holder ? holder.editor : null;
}

function editorOf(id) {
  const e = id ? find(id) : active?.editor;
  if (!e) throw new Error('No SQL editor ' + (id || ''));
  return e;
}

let changeTimer = null;

export function attach(id, dotnet) {
  const editor = find(id);
  if (!editor) return false;
  active = { id, editor, dotnet };
  const K = monaco.KeyMod, C = monaco.KeyCode;
  const command = name => () => dotnet.invokeMethodAsync('OnShortcut', name);
  editor.addCommand(K.CtrlCmd | C.Enter, command('run'));
  editor.addCommand(K.CtrlCmd | K.Shift | C.Enter, command('runAll'));
  editor.addCommand(K.CtrlCmd | C.KeyS, command('save'));
  editor.addCommand(K.Shift | K.Alt | C.KeyF, command('format'));
  editor.onDidChangeModelContent(() => {
    clearTimeout(changeTimer);
    changeTimer = setTimeout(() => dotnet.invokeMethodAsync('OnTextChanged', editor.getValue()), 120);
  });
  editor.onDidChangeCursorSelection(() => dotnet.invokeMethodAsync('OnSelectionChanged', !editor.getSelection().isEmpty()));
  if (!completionRegistered) {
    completionRegistered = true;
    monaco.languages.registerCompletionItemProvider('sql', {
      triggerCharacters: ['.', ' '],
      provideCompletionItems: async (model, position) => {
        if (!active) return { suggestions: [] };
        const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
        const word = model.getWordUntilPosition(position);
        const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
        const items = await active.dotnet.invokeMethodAsync('Complete', before, model.getValue());
        const kinds = { keyword: monaco.languages.CompletionItemKind.Keyword, catalog: monaco.languages.CompletionItemKind.Module,
          database: monaco.languages.CompletionItemKind.Folder, table: monaco.languages.CompletionItemKind.Struct,
          column: monaco.languages.CompletionItemKind.Field };
        return { suggestions: items.map(i => ({ label: i.label, kind: kinds[i.kind] ?? monaco.languages.CompletionItemKind.Text,
          detail: i.detail, insertText: /^[A-Za-z_][\w]*$/.test(i.label) || i.kind === 'keyword' ? i.label : '`' + i.label + '`', range,
          sortText: (i.kind === 'keyword' ? '9' : '1') + i.label })) };
      },
    });
  }
  return true;
}

export function detach(id) {
  if (active?.id === id) active = null;
}

// The text, the selection and the cursor as 0-based character offsets.
export function state(id) {
  const editor = editorOf(id);
  const model = editor.getModel();
  const sel = editor.getSelection();
  const pos = editor.getPosition();
  return {
    text: model.getValue(),
    selectionStart: model.getOffsetAt(sel.getStartPosition()),
    selectionEnd: model.getOffsetAt(sel.getEndPosition()),
    cursor: pos ? model.getOffsetAt(pos) : 0,
  };
}

// Replaces the whole text as one undoable edit.
export function setText(id, text, keepUndo) {
  const editor = editorOf(id);
  const model = editor.getModel();
  if (model.getValue() === text) return;
  if (keepUndo) {
    editor.pushUndoStop();
    editor.executeEdits('iomete', [{ range: model.getFullModelRange(), text }]);
    editor.pushUndoStop();
  } else {
    model.setValue(text);
  }
}

// Marks an error at a character offset (or clears the markers with a null offset).
export function markError(id, offset, message) {
  const editor = editorOf(id);
  const model = editor.getModel();
  if (offset === null || offset === undefined) { monaco.editor.setModelMarkers(model, 'iomete', []); return; }
  const start = model.getPositionAt(offset);
  const word = model.getWordAtPosition(start);
  monaco.editor.setModelMarkers(model, 'iomete', [{ severity: monaco.MarkerSeverity.Error, message,
    startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: start.lineNumber,
    endColumn: word ? word.endColumn : start.column + 1 }]);
}

export function focus(id) { editorOf(id).focus(); }

export function theme(dark) { if (window.monaco) monaco.editor.setTheme(dark ? 'vs-dark' : 'iomete-light'); }

window.iometeSql = {
  setText: text => { const e = editorOf(null); e.getModel().setValue(text); e.setPosition({ lineNumber: 1, column: 1 }); return true; },
  getText: () => editorOf(null).getValue(),
  ready: () => !!active,
};

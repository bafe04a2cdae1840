// Small browser helpers the console calls through JS interop; nothing here holds state of its own.
window.iometeConsole = {
  copyText: async (text) => { await navigator.clipboard.writeText(text); return true; },
  // Saves bytes the console produced or fetched (results, downloads) as a file.
  saveFile: (name, contentType, base64) => {
    const link = document.createElement('a');
    link.href = `data:${contentType};base64,${base64}`;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  },
  prefersDark: () => window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches,
};

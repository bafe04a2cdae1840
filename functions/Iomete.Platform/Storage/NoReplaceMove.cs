using System.Runtime.InteropServices;

namespace Iomete.Platform.Storage;

/// <summary>
/// Moves a file into place only if nothing is there, decided atomically by the file system.
/// .NET's <c>File.Move(overwrite: false)</c> checks, then renames on Unix, so two writers can
/// both "win"; <c>link(2)</c> fails with EEXIST for all but one.
/// </summary>
internal static class NoReplaceMove
{
    private const int EEXIST = 17;

    /// <summary>Returns false when <paramref name="destination"/> already exists.</summary>
    public static bool TryMove(string source, string destination)
    {
        if (OperatingSystem.IsWindows())
        {
            // MoveFileEx without REPLACE_EXISTING is atomic there.
            try
            {
                File.Move(source, destination, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(destination) || Directory.Exists(destination))
            {
                return false;
            }
        }
        if (Link(source, destination) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == EEXIST)
            {
                return false;
            }
            throw new IOException($"Could not link '{source}' to '{destination}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
        }
        File.Delete(source);
        return true;
    }

    // DllImport rather than LibraryImport: the generated stub would need unsafe code in this assembly.
    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
}

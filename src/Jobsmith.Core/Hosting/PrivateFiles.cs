using System.Runtime.InteropServices;

namespace Jobsmith.Core.Hosting;

/// <summary>
/// The data folder holds resumes, the database, keys and mail: readable by the account that runs Jobsmith only
/// (R4). The process creates every file 0600 and every folder 0700, whatever umask the shell had, so no code path
/// that writes a file can forget it.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Call first thing at start-up: new files and folders of this process get no group or other bits.</summary>
    public static void RestrictNewFiles()
    {
        if (OperatingSystem.IsWindows()) return;
        _ = Umask(0b000_111_111); // returns the previous mask; umask cannot fail
    }

    /// <summary>Creates a folder (and missing parents) as 0700; an existing folder keeps the mode its owner chose.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, FolderMode);
    }

    // umask(2) takes and returns a mode_t (a 32-bit unsigned int on Linux and macOS); blittable, so no marshalling.
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}

using System.Diagnostics;
using System.Runtime.InteropServices;

// Part of the drill check harness (see CheckList.cs): base class library only.
namespace DrillHarness;

/// <summary>
/// Ends the check program when the course tool that started it dies, however it died. The parent keeps
/// our stdin open while it lives; the kernel closes it when the parent exits, even on SIGKILL, where no
/// handler of the parent runs. Then the program deletes its own temporary folder and kills itself, so no
/// endless loop keeps running under PID 1 and no folder is left behind.
/// </summary>
internal static class ParentWatch
{
    /// <summary>The prefix of the folders DrillChecker makes; only such a folder is deleted.</summary>
    private const string FolderPrefix = "mlcourse-drill-";

    // Kept alive for the life of the process: a collected registration stops handling the signal.
    private static PosixSignalRegistration? _interrupt;

    public static void Start(TextReader input)
    {
        // Ctrl-C in a terminal reaches the whole process group. The parent decides what it means; if it
        // ends, its end ends us here, folder included (dying on the signal directly would leave the folder).
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        var watch = new Thread(() =>
        {
            try { while (input.Read() >= 0) { } }
            catch (IOException) { }
            RemoveOwnFolder();
            Process.GetCurrentProcess().Kill();
        }) { IsBackground = true, Name = "parent watch" };
        watch.Start();
    }

    private static void RemoveOwnFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        if (!folder.Name.StartsWith(FolderPrefix, StringComparison.Ordinal)) return;
        try { folder.Delete(recursive: true); }
        catch (IOException) { }                 // the parent's next check removes what is left (DrillTempFolders)
        catch (UnauthorizedAccessException) { }
    }
}

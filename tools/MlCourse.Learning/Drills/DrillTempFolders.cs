using System.Diagnostics;
using System.Globalization;

namespace MlCourse.Learning.Drills;

/// <summary>
/// The temporary folders a drill check compiles into (mlcourse-drill-*, in the system temp folder).
/// Each names its owner (process id and start time) in owner.txt. A check deletes its folder when it
/// ends, and the check program deletes it when its parent dies; what a SIGKILL during compilation
/// leaves is removed by the next check, once its owner is gone.
/// </summary>
public static class DrillTempFolders
{
    public const string Prefix = "mlcourse-drill-";
    private const string OwnerFile = "owner.txt";

    /// <summary>A fresh folder owned by this process (two checks at once never share files).</summary>
    public static DirectoryInfo Create()
    {
        var folder = Directory.CreateTempSubdirectory(Prefix);
        using var self = Process.GetCurrentProcess();
        File.WriteAllText(Path.Combine(folder.FullName, OwnerFile), $"{self.Id} {self.StartTime.ToUniversalTime().Ticks}");
        return folder;
    }

    public static void Delete(DirectoryInfo folder)
    {
        try { folder.Delete(recursive: true); }
        catch (IOException) { /* a killed child may still hold a file for a moment; the next check removes it */ }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Deletes the folders in <paramref name="tempRoot"/> (default: the system's) whose owner process is
    /// gone; a folder without an owner file (from an older version) only after a day. Returns how many.
    /// </summary>
    public static int RemoveStale(string? tempRoot = null)
    {
        var removed = 0;
        foreach (var folder in new DirectoryInfo(tempRoot ?? Path.GetTempPath()).EnumerateDirectories(Prefix + "*"))
        {
            if (!IsStale(folder)) continue;
            Delete(folder);
            folder.Refresh();
            if (!folder.Exists) removed++;
        }
        return removed;
    }

    private static bool IsStale(DirectoryInfo folder)
    {
        try
        {
            var owner = Path.Combine(folder.FullName, OwnerFile);
            if (!File.Exists(owner)) return DateTime.UtcNow - folder.LastWriteTimeUtc > TimeSpan.FromDays(1);
            var parts = File.ReadAllText(owner).Split(' ');
            return !IsRunning(int.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return false;   // another user's folder, or one being written right now: leave it
        }
    }

    /// <summary>Whether the process is alive and is the same one (a reused id has another start time).</summary>
    private static bool IsRunning(int id, long startTicks)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited && Math.Abs(process.StartTime.ToUniversalTime().Ticks - startTicks) < TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException) { return false; }          // no such process
        catch (InvalidOperationException) { return false; }  // it exited meanwhile
    }
}

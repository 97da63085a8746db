using System.Diagnostics;

namespace MlCourse.NotebookRunner.Execution;

/// <summary>
/// The processes below one process, read from /proc on Linux (elsewhere: none, and
/// <see cref="Process.Kill(bool)"/> alone is relied on). Used to wait until a killed kernel has really ended.
/// </summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> Descendants(int rootPid)
    {
        if (!OperatingSystem.IsLinux()) return [];
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                // /proc/PID/stat: "pid (command) state ppid ..."; the command may contain spaces and parentheses.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // The process ended while we looked.
            }
        }
        var found = new List<int>();
        var frontier = new Queue<int>([rootPid]);
        while (frontier.TryDequeue(out var parent))
            foreach (var (pid, ppid) in parents)
                if (ppid == parent && !found.Contains(pid))
                {
                    found.Add(pid);
                    frontier.Enqueue(pid);
                }
        return found;
    }

    public static void WaitUntilGone(IEnumerable<int> pids, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        foreach (var pid in pids)
            while (IsRunning(pid) && clock.Elapsed < limit)
                Thread.Sleep(50);
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

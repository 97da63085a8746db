using System.Text;

namespace MlCourse.Learning.Journal;

/// <summary>
/// Appends entries to the learner's daily-log.md. The file's existing bytes are never changed:
/// the entry is appended in place, through the file itself (so a symbolic link stays a link and
/// the file keeps its mode and owner), while an exclusive lock file under .course/ serialises
/// every 'course log' at once. No temporary file is ever made beside the log, so a run that is
/// killed leaves nothing behind; the lock is an OS lock and is released when its process dies.
/// </summary>
public static class DailyLog
{
    public const string EntriesMarker = "## Entries";

    /// <summary>How long an append waits for other 'course log' runs before giving up.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The lock file for <paramref name="logPath"/>: .course/locks/ beside it (git-ignored).</summary>
    public static string LockPath(string logPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(logPath))!, ".course", "locks", Path.GetFileName(logPath) + ".lock");

    /// <exception cref="InvalidDataException">The file has no "## Entries" heading (the learner removed it).</exception>
    /// <exception cref="UnauthorizedAccessException">The file (or the file its link points to) is read-only.</exception>
    public static void Append(string path, string entry)
    {
        RefuseReadOnly(path);
        using var _ = Lock(LockPath(path));
        var before = File.ReadAllBytes(path);
        var text = Encoding.UTF8.GetString(before);
        if (!text.Split('\n').Any(line => line.TrimEnd('\r') == EntriesMarker))
            throw new InvalidDataException($"{path} has no '{EntriesMarker}' heading, so there is no place for entries; add the heading back (entries go below it).");

        // Follow the file's own line endings, and start the entry on a line of its own.
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var separator = text.Length == 0 || text.EndsWith('\n') ? newline : newline + newline;
        var addition = Encoding.UTF8.GetBytes(separator + entry.ReplaceLineEndings(newline).TrimEnd('\r', '\n') + newline);

        // FileShare.ReadWrite: an editor holding the file open must not make the append fail.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        // The separator was chosen for the bytes read above; if an editor saved the file since, it may be wrong.
        if (stream.Length != before.Length)
            throw new IOException($"{path} changed while the entry was being written; close it in your editor and try again.");
        stream.Seek(0, SeekOrigin.End);
        stream.Write(addition);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Refuses a file without the owner's write permission. Checked by mode, not by trying to
    /// write: root may write anything, yet a learner who made the log read-only meant it.
    /// </summary>
    private static void RefuseReadOnly(string path)
    {
        var target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        if (OperatingSystem.IsWindows())
        {
            if (new FileInfo(target).IsReadOnly) throw ReadOnly(path, target);
            return;
        }
        if ((File.GetUnixFileMode(target) & UnixFileMode.UserWrite) == 0) throw ReadOnly(path, target);
    }

    private static UnauthorizedAccessException ReadOnly(string path, string target) =>
        new($"{path}{(target == path ? "" : $" (a link to {target})")} is read-only, so 'course log' leaves it alone; " +
            $"make it writable (chmod u+w {target}) to append entries.");

    /// <summary>Takes the exclusive lock, waiting for other appends; FileShare.None is an flock on Unix.</summary>
    private static FileStream Lock(string lockPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < LockTimeout)
            {
                Thread.Sleep(Random.Shared.Next(5, 25));
            }
            catch (IOException e)
            {
                throw new IOException($"Another 'course log' has held {lockPath} for over {LockTimeout.TotalSeconds:0} s; if none is running, try again.", e);
            }
        }
    }
}

using System.Text;

namespace MlCourse.Learning.Journal;

/// <summary>
/// Appends entries to the learner's daily-log.md. The file's existing bytes are never changed:
/// the new file is the old bytes plus the entry, written to a temporary file beside it and
/// renamed over it, so a crash leaves either the old log or the new one, never half of one.
/// </summary>
public static class DailyLog
{
    public const string EntriesMarker = "## Entries";

    /// <exception cref="InvalidDataException">The file has no "## Entries" heading (the learner removed it).</exception>
    public static void Append(string path, string entry)
    {
        for (int attempt = 0; ; attempt++)
        {
            var before = File.ReadAllBytes(path);
            var text = Encoding.UTF8.GetString(before);
            if (!text.Split('\n').Any(line => line.TrimEnd('\r') == EntriesMarker))
                throw new InvalidDataException($"{path} has no '{EntriesMarker}' heading, so there is no place for entries; add the heading back (entries go below it).");

            // Follow the file's own line endings, and start the entry on a line of its own.
            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var separator = text.Length == 0 || text.EndsWith('\n') ? newline : newline + newline;
            var addition = Encoding.UTF8.GetBytes(separator + entry.ReplaceLineEndings(newline).TrimEnd('\r', '\n') + newline);

            var temporary = path + ".course-tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(before);
                stream.Write(addition);
                stream.Flush(flushToDisk: true);
            }
            // If the learner's editor saved the file meanwhile, start again from their version.
            if (File.ReadAllBytes(path).AsSpan().SequenceEqual(before))
            {
                File.Move(temporary, path, overwrite: true);
                return;
            }
            File.Delete(temporary);
            if (attempt == 2) throw new IOException($"{path} keeps changing while the entry is written; close it in your editor and try again.");
        }
    }
}

using System.IO.Compression;
using System.Security.Cryptography;

namespace MlCourse.Core.Data;

/// <summary>
/// Reads a file from data/ only after checking it against data/SHA256SUMS, so a truncated
/// download, a merge accident or a hand edit shows up as a clear error instead of a model
/// that silently trains on garbage.
/// </summary>
public static class VerifiedFile
{
    public static IReadOnlyList<string> ReadLines(string fileName, string? dataDirectory = null)
    {
        var bytes = ReadBytes(fileName, dataDirectory);
        Stream stream = new MemoryStream(bytes);
        if (fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            stream = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            if (line.Length > 0) lines.Add(line);
        return lines;
    }

    public static byte[] ReadBytes(string fileName, string? dataDirectory = null)
    {
        var dir = dataDirectory ?? CoursePaths.DataDirectory;
        var path = Path.Combine(dir, fileName);
        var expected = ExpectedChecksum(fileName, dir);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Dataset file '{fileName}' is missing from {dir}. Restore it with `git checkout -- data/{fileName}`.", path);
        var bytes = File.ReadAllBytes(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != expected)
            throw new InvalidDataException(
                $"Dataset file '{fileName}' is corrupted or was changed: its SHA-256 is {actual}, but data/SHA256SUMS expects {expected}. " +
                $"Restore it with `git checkout -- data/{fileName}`.");
        return bytes;
    }

    private static string ExpectedChecksum(string fileName, string dir)
    {
        var sums = Path.Combine(dir, "SHA256SUMS");
        if (!File.Exists(sums)) throw new FileNotFoundException($"The checksum list {sums} is missing.", sums);
        foreach (var line in File.ReadLines(sums))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[1].TrimStart('*') == fileName) return parts[0].ToLowerInvariant();
        }
        throw new InvalidDataException($"'{fileName}' has no entry in {sums}; add its checksum before loading it.");
    }
}

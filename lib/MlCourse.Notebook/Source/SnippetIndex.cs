using MlCourse.Core.Validation;
namespace MlCourse.Notebook;

/// <summary>
/// The snippets of every .cs file under <c>&lt;root&gt;/lib</c> (bin and obj skipped). Parsed
/// files are cached for the life of the index and re-read when their timestamp or size changes,
/// so a notebook shows the library's current code after an edit without restarting the kernel.
/// <see cref="LibrarySource"/> uses one for the course repository; tests and tools can build
/// their own over another root.
/// </summary>
public sealed class SnippetIndex
{
    private readonly object _lock = new();
    private readonly Dictionary<string, (DateTime Written, long Length, List<Snippet> Snippets)> _files = new(StringComparer.Ordinal);

    public SnippetIndex(string repositoryRoot)
    {
        Guard.NotBlank(repositoryRoot, nameof(repositoryRoot));
        RepositoryRoot = Path.GetFullPath(repositoryRoot);
    }

    public string RepositoryRoot { get; }
    public string LibraryDirectory => Path.Combine(RepositoryRoot, "lib");

    /// <summary>All snippet names, sorted.</summary>
    public IReadOnlyList<string> Names => Current().Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The snippet called <paramref name="name"/>; an unknown name lists the known ones, nearest first.</summary>
    public Snippet Get(string name)
    {
        Guard.NotBlank(name, nameof(name));
        var snippets = Current();
        if (snippets.TryGetValue(name, out var snippet)) return snippet;
        if (snippets.Count == 0)
            throw new KeyNotFoundException($"No snippet named '{name}': there are no snippet markers under {LibraryDirectory} yet.");
        const int listed = 15;
        var ranked = NameSuggestions.Rank(name, snippets.Keys).ToList();
        var more = ranked.Count > listed ? $" (and {ranked.Count - listed} more)" : "";
        throw new KeyNotFoundException(
            $"No snippet named '{name}' under {LibraryDirectory}. Known names, nearest first: {string.Join(", ", ranked.Take(listed))}{more}.");
    }

    private Dictionary<string, Snippet> Current()
    {
        lock (_lock)
        {
            if (!Directory.Exists(LibraryDirectory))
                throw new DirectoryNotFoundException($"'{LibraryDirectory}' does not exist: snippets are read from the course's lib folder.");

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in Directory.EnumerateFiles(LibraryDirectory, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/');
                if (relative.Split('/').Any(part => part is "bin" or "obj")) continue;
                seen.Add(path);
                var info = new FileInfo(path);
                if (_files.TryGetValue(path, out var cached) && cached.Written == info.LastWriteTimeUtc && cached.Length == info.Length) continue;
                _files[path] = (info.LastWriteTimeUtc, info.Length, SnippetParser.Parse(relative, File.ReadAllLines(path)));
            }
            foreach (var gone in _files.Keys.Where(p => !seen.Contains(p)).ToList()) _files.Remove(gone);

            var byName = new Dictionary<string, Snippet>(StringComparer.Ordinal);
            foreach (var snippet in _files.OrderBy(f => f.Key, StringComparer.Ordinal).SelectMany(f => f.Value.Snippets))
            {
                if (byName.TryGetValue(snippet.Name, out var other))
                    throw new InvalidOperationException(
                        $"Snippet name '{snippet.Name}' is used twice: {other.File} line {other.MarkerLine} and {snippet.File} line {snippet.MarkerLine}. " +
                        "Snippet names must be unique across lib/.");
                byName[snippet.Name] = snippet;
            }
            return byName;
        }
    }
}

using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using MlCourse.Core.Data;
using MlCourse.Core.Validation;

namespace MlCourse.Notebook;

public static partial class Charts
{
    // Sessions (kernels) whose page already received plotly.js. Weak keys: a disposed kernel
    // must not be kept alive by a chart helper.
    private static readonly ConditionalWeakTable<object, object> SessionsWithPlotly = new();
    private static readonly object SessionLock = new();
    private static int _filesWritten;

    /// <summary>
    /// False (default): in a notebook, only the first chart of a kernel session carries plotly.js
    /// (about 3.6 MB) and later charts reuse <c>window.Plotly</c> from the same page, which keeps
    /// executed notebooks small (VS Code and Jupyter render a notebook's outputs in one page).
    /// Set true where each output is rendered in isolation (some viewers, exported single outputs).
    /// </summary>
    public static bool EmbedPlotlyInEveryChart { get; set; }

    /// <summary>
    /// Where charts are written outside a notebook. Null (default) means
    /// <c>&lt;repository&gt;/output/charts/&lt;program name&gt;/</c> (the current directory when
    /// not inside the repository).
    /// </summary>
    public static string? OutputDirectory { get; set; }

    /// <summary>
    /// Displays the figure. In a notebook: inline HTML, returns null. Elsewhere: writes a
    /// standalone HTML file (plotly.js inline, opens offline), prints its path and returns it.
    /// <paramref name="fileName"/> names the file (".html" added); by default a running number
    /// and the chart title.
    /// </summary>
    public static string? Show(Figure figure, string? fileName = null)
    {
        Guard.NotNull(figure, nameof(figure));
        var sink = DisplaySinks.Current;
        var title = figure.Title ?? "untitled chart";
        if (sink.RendersHtml)
        {
            // Read plotly.js before marking the session: if it cannot be read, the next chart must still try to embed it.
            var loader = PlotlyJs.LoaderScript;
            var html = NeedsPlotly(sink.Session) ? loader + "\n" + ChartHtml.Fragment(figure) : ChartHtml.Fragment(figure);
            sink.Display(new DisplayOutput($"[chart: {title}]", Html: html));
            return null;
        }

        var directory = OutputDirectory ?? DefaultOutputDirectory();
        Directory.CreateDirectory(directory);
        var number = Interlocked.Increment(ref _filesWritten);
        var name = fileName is null ? $"{number:D2}-{Slug(title)}" : Slug(fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? fileName[..^5] : fileName);
        var path = Path.GetFullPath(Path.Combine(directory, name + ".html"));
        File.WriteAllText(path, ChartHtml.Document(figure), new UTF8Encoding(false));
        sink.Display(new DisplayOutput($"Chart \"{title}\" written to {path}"));
        return path;
    }

    /// <summary>
    /// Makes the next chart shown in this kernel carry plotly.js again: use it after clearing
    /// the output that held the first chart.
    /// </summary>
    public static void EmbedPlotlyInNextChart()
    {
        lock (SessionLock) SessionsWithPlotly.Remove(DisplaySinks.Current.Session);
    }

    private static bool NeedsPlotly(object session)
    {
        lock (SessionLock)
        {
            if (EmbedPlotlyInEveryChart) return true;
            if (SessionsWithPlotly.TryGetValue(session, out _)) return false;
            SessionsWithPlotly.Add(session, session);
            return true;
        }
    }

    private static string DefaultOutputDirectory()
    {
        var root = CoursePaths.FindRoot() ?? Directory.GetCurrentDirectory();
        var program = Assembly.GetEntryAssembly()?.GetName().Name ?? "charts";
        return Path.Combine(root, "output", "charts", Slug(program));
    }

    /// <summary>A file-name-safe, lower-case version of a title.</summary>
    internal static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var result = slug.ToString().Trim('-', '.');
        if (result.Length > 60) result = result[..60].TrimEnd('-');
        return result.Length == 0 ? "chart" : result;
    }
}

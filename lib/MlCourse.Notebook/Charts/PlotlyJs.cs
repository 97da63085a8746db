using System.Reflection;

namespace MlCourse.Notebook;

/// <summary>
/// The plotly.js source, embedded in this assembly at build time from the Plotly.NET package
/// (build/PlotlyJsEmbed.targets), so charts never need a CDN and notebooks need no F# package:
/// Plotly.NET 6 needs FSharp.Core 10.1, which the final notebook engine cannot load.
/// </summary>
internal static class PlotlyJs
{
    private static readonly Lazy<(string Source, string Version)> Embedded = new(Load);

    public static string Source => Embedded.Value.Source;
    public static string Version => Embedded.Value.Version;

    /// <summary>
    /// A script element that defines <c>window.Plotly</c>. The bundle is UMD: where a page has
    /// RequireJS or CommonJS globals (classic Jupyter does) it would register as a module and
    /// leave window.Plotly undefined, so those names are shadowed by parameters while it runs.
    /// </summary>
    public static string LoaderScript => Loader.Value;

    private static readonly Lazy<string> Loader = new(() =>
        $"<script type=\"text/javascript\">/* plotly.js {Version} (MIT licence), embedded from Plotly.NET 6.0.0 */\n" +
        "(function (define, exports, module) {\n" + Source + "\n}).call(window);\n</script>");

    private static (string, string) Load()
    {
        var assembly = typeof(PlotlyJs).Assembly;
        var resource = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.Contains("plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"{assembly.GetName().Name} has no embedded plotly-*.min.js resource, so charts cannot embed plotly.js. " +
                "It is copied from the Plotly.NET package at build time (build/PlotlyJsEmbed.targets): rebuild the library.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        var source = new StreamReader(stream).ReadToEnd();
        // The bundle has no "</script" today; if a later one did, it would end the inline element early.
        if (source.Contains("</script", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{resource} contains \"</script\" and cannot be inlined in an HTML script element.");
        var version = resource[(resource.IndexOf("plotly-", StringComparison.Ordinal) + "plotly-".Length)..^".min.js".Length];
        return (source, version);
    }
}

using System.Text.Json.Nodes;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Notebook;

/// <summary>
/// The course's one chart helper. Every builder takes the title and axis labels as arguments and
/// returns a plotly.js <see cref="Figure"/>, which <see cref="Show(Figure, string?)"/> displays:
/// inline in a notebook, as an offline HTML file elsewhere. Charts are plotly.js charts (the
/// library Plotly.NET wraps) built as JSON, so they also work in the notebook engine, where
/// Plotly.NET 6 itself cannot load (see <see cref="Figure"/>). Taught in week 1, "Looking at data".
/// <code>Charts.Show(Charts.Line(epochs, loss, "Training loss", "epoch", "MSE", logY: true));</code>
/// </summary>
public static partial class Charts
{
    // Path overlays must stay visible on a filled viridis contour: strong, distinct colours.
    private static readonly string[] PathColors = ["#e41a1c", "#ff7f00", "#ffffff", "#000000", "#f781bf", "#a65628"];
    private static int _width = 760;
    private static int _height = 460;

    /// <summary>Size in pixels of charts built from now on (default 760 x 460).</summary>
    public static int Width
    {
        get => _width;
        set => _width = Pixels(value, nameof(Width));
    }

    public static int Height
    {
        get => _height;
        set => _height = Pixels(value, nameof(Height));
    }

    /// <summary>One line; <paramref name="logX"/>/<paramref name="logY"/> for loss curves or paths against alpha.</summary>
    public static Figure Line(IEnumerable<double> x, IEnumerable<double> y, string title, string xLabel, string yLabel,
        string? name = null, bool logX = false, bool logY = false) =>
        Lines([new Series(name ?? "y", x, y)], title, xLabel, yLabel, logX, logY, showLegend: name is not null);

    /// <summary>Several named lines on shared axes (train vs test loss, one coefficient path per feature).</summary>
    public static Figure Line(IEnumerable<Series> series, string title, string xLabel, string yLabel, bool logX = false, bool logY = false) =>
        Lines(NonEmpty(series, nameof(series)), title, xLabel, yLabel, logX, logY, showLegend: true);

    /// <summary>Points in one colour.</summary>
    public static Figure Scatter(IEnumerable<double> x, IEnumerable<double> y, string title, string xLabel, string yLabel, string? name = null)
    {
        var points = new Series(name ?? "data", x, y);
        return Build([Traces.Scatter(points, "markers", showLegend: name is not null)], title, xLabel, yLabel);
    }

    /// <summary>Points coloured by class label, one legend entry per class (sorted when labels are comparable).</summary>
    public static Figure ScatterByClass<TLabel>(IEnumerable<double> x, IEnumerable<double> y, IEnumerable<TLabel> classes,
        string title, string xLabel, string yLabel) where TLabel : notnull
    {
        var points = new Series("points", x, y);
        Guard.NotNull(classes, nameof(classes));
        var labels = classes.ToArray();
        Guard.Length(labels.Length, points.X.Count, nameof(classes), "one label per point");
        var groups = Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]);
        if (typeof(IComparable).IsAssignableFrom(typeof(TLabel)) || typeof(IComparable<TLabel>).IsAssignableFrom(typeof(TLabel)))
            groups = groups.OrderBy(g => g.Key);
        var traces = groups.Select(g =>
            Traces.Scatter(new Series($"{g.Key}", g.Select(i => points.X[i]), g.Select(i => points.Y[i])), "markers", showLegend: true));
        return Build(traces, title, xLabel, yLabel);
    }

    /// <summary>Data points with a fitted curve through them (regression fits, polynomial degree demos).</summary>
    public static Figure ScatterWithLine(IEnumerable<double> x, IEnumerable<double> y, IEnumerable<double> lineX, IEnumerable<double> lineY,
        string title, string xLabel, string yLabel, string dataName = "data", string lineName = "fit")
    {
        var points = new Series(dataName, x, y);
        var curve = new Series(lineName, lineX, lineY);
        return Build([Traces.Scatter(points, "markers", showLegend: true), Traces.Scatter(curve, "lines", showLegend: true)], title, xLabel, yLabel);
    }

    /// <summary>Vertical bars, one per category.</summary>
    public static Figure Bar(IEnumerable<string> categories, IEnumerable<double> values, string title, string xLabel, string yLabel, string? name = null) =>
        Bars(categories, [new Series(name ?? "value", values)], title, xLabel, yLabel, showLegend: name is not null);

    /// <summary>Grouped vertical bars: each series gives one bar per category (its Y values, in category order).</summary>
    public static Figure Bar(IEnumerable<string> categories, IEnumerable<Series> series, string title, string xLabel, string yLabel) =>
        Bars(categories, NonEmpty(series, nameof(series)), title, xLabel, yLabel, showLegend: true);

    /// <summary>A histogram of values; <paramref name="bins"/> is a target count (plotly.js picks round edges).</summary>
    public static Figure Histogram(IEnumerable<double> values, string title, string xLabel, string yLabel = "count", int bins = 30)
    {
        var data = new Series("values", values);
        Guard.AtLeast(bins, 1, nameof(bins));
        var trace = new JsonObject { ["type"] = "histogram", ["x"] = Traces.Numbers(data.Y), ["nbinsx"] = bins, ["showlegend"] = false };
        return Build([trace], title, xLabel, yLabel);
    }

    /// <summary>
    /// A matrix as coloured cells, row 0 at the top (confusion matrices, attention maps,
    /// correlations). <paramref name="showValues"/> writes each cell's value in it.
    /// </summary>
    public static Figure Heatmap(Matrix<double> z, string title, string xLabel, string yLabel,
        IEnumerable<string>? columnLabels = null, IEnumerable<string>? rowLabels = null, bool showValues = false)
    {
        Guard.NotNull(z, nameof(z));
        return Heatmap(z.ToArray(), title, xLabel, yLabel, columnLabels, rowLabels, showValues);
    }

    public static Figure Heatmap(double[,] z, string title, string xLabel, string yLabel,
        IEnumerable<string>? columnLabels = null, IEnumerable<string>? rowLabels = null, bool showValues = false)
    {
        Guard.NotNull(z, nameof(z));
        int rows = z.GetLength(0), columns = z.GetLength(1);
        Guard.HasAtLeast(rows, 1, nameof(z), "row");
        Guard.HasAtLeast(columns, 1, nameof(z), "column");
        var zRows = Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, columns).Select(j => z[i, j]).ToArray()).ToArray();
        var trace = new JsonObject
        {
            ["type"] = "heatmap", ["colorscale"] = "Viridis",
            ["z"] = Traces.Rows(zRows),
            ["x"] = Traces.Strings(Labels(columnLabels, columns, nameof(columnLabels), "column")),
            ["y"] = Traces.Strings(Labels(rowLabels, rows, nameof(rowLabels), "row")),
        };
        if (showValues)
        {
            trace["text"] = new JsonArray(zRows.Select(r => (JsonNode?)Traces.Strings(r.Select(v => ValueFormat.Number(v, MlCourse.Notebook.Show.SignificantDigits)))).ToArray());
            trace["texttemplate"] = "%{text}";
        }
        var figure = Build([trace], title, xLabel, yLabel);
        figure.Layout["yaxis"]!["autorange"] = "reversed";
        return figure;
    }

    /// <summary>
    /// Level sets of f(x, y) on the grid x × y, with optional optimiser paths drawn over them
    /// (each path a <see cref="Series"/> of visited (x, y) points, a marker at every step).
    /// </summary>
    public static Figure Contour(IEnumerable<double> x, IEnumerable<double> y, Func<double, double, double> f,
        string title, string xLabel, string yLabel, IEnumerable<Series>? paths = null)
    {
        var (xs, ys) = Grid(x, y);
        Guard.NotNull(f, nameof(f));
        var z = Matrix<double>.Build.Dense(ys.Length, xs.Length, (i, j) => f(xs[j], ys[i]));
        return Contour(xs, ys, z, title, xLabel, yLabel, paths);
    }

    /// <summary>Level sets of precomputed values: <paramref name="z"/>[i, j] is the value at (x[j], y[i]).</summary>
    public static Figure Contour(IEnumerable<double> x, IEnumerable<double> y, Matrix<double> z,
        string title, string xLabel, string yLabel, IEnumerable<Series>? paths = null)
    {
        var (xs, ys) = Grid(x, y);
        Guard.NotNull(z, nameof(z));
        Guard.HasShape(z, ys.Length, xs.Length, nameof(z), "one row per y value and one column per x value");
        var traces = new List<JsonObject>
        {
            new()
            {
                ["type"] = "contour", ["name"] = "f", ["showlegend"] = false, ["colorscale"] = "Viridis",
                ["x"] = Traces.Numbers(xs), ["y"] = Traces.Numbers(ys), ["z"] = Traces.Rows(z.ToRowArrays()),
            },
        };
        var pathList = paths?.ToList() ?? [];
        Guard.NoNullItems(pathList, nameof(paths));
        for (var k = 0; k < pathList.Count; k++)
        {
            var path = pathList[k];
            traces.Add(Traces.Scatter(path, "lines+markers", showLegend: true, PathColors[k % PathColors.Length]));
        }
        var figure = Build(traces, title, xLabel, yLabel);
        // The colour bar takes the right edge, where the legend would go: path names go above the plot.
        figure.Layout["legend"] = new JsonObject { ["orientation"] = "h", ["x"] = 0, ["y"] = 1.0, ["yanchor"] = "bottom" };
        return figure;
    }

    /// <summary>
    /// Overlays figures: all their traces on the first one's axes, title and size (a fit over a
    /// histogram, an extra reference line).
    /// </summary>
    public static Figure Combine(Figure first, params Figure[] more)
    {
        Guard.NotNull(first, nameof(first));
        Guard.NoNullItems(more, nameof(more));
        var data = (JsonArray)first.Data.DeepClone();
        foreach (var figure in more)
        {
            foreach (var trace in figure.Data) data.Add(trace?.DeepClone());
        }
        return new Figure(data, (JsonObject)first.Layout.DeepClone());
    }

    private static Figure Lines(IReadOnlyList<Series> series, string title, string xLabel, string yLabel, bool logX, bool logY, bool showLegend) =>
        Build(series.Select(s => Traces.Scatter(s, "lines", showLegend)), title, xLabel, yLabel, logX, logY);

    private static Figure Bars(IEnumerable<string> categories, IReadOnlyList<Series> series, string title, string xLabel, string yLabel, bool showLegend)
    {
        Guard.NotNull(categories, nameof(categories));
        var keys = categories.ToArray();
        foreach (var s in series.Where(s => s.Y.Count != keys.Length))
            throw new ArgumentException($"Series '{s.Name}' has {s.Y.Count} values but there are {keys.Length} categories.", nameof(series));
        var traces = series.Select(s => new JsonObject
        {
            ["type"] = "bar", ["name"] = s.Name, ["showlegend"] = showLegend, ["x"] = Traces.Strings(keys), ["y"] = Traces.Numbers(s.Y),
        });
        return Build(traces, title, xLabel, yLabel);
    }

    private static Figure Build(IEnumerable<JsonObject> traces, string title, string xLabel, string yLabel, bool logX = false, bool logY = false)
    {
        Guard.NotNull(title, nameof(title));
        Guard.NotNull(xLabel, nameof(xLabel));
        Guard.NotNull(yLabel, nameof(yLabel));
        return new Figure(new JsonArray(traces.Cast<JsonNode?>().ToArray()), Traces.Layout(title, xLabel, yLabel, _width, _height, logX, logY));
    }

    private static (double[] X, double[] Y) Grid(IEnumerable<double> x, IEnumerable<double> y)
    {
        Guard.NotNull(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        var xs = x.ToArray();
        var ys = y.ToArray();
        Guard.HasAtLeast(xs.Length, 2, nameof(x), "grid values");
        Guard.HasAtLeast(ys.Length, 2, nameof(y), "grid values");
        return (xs, ys);
    }

    private static List<Series> NonEmpty(IEnumerable<Series> series, string name)
    {
        Guard.NotNull(series, name);
        var all = series.ToList();
        Guard.NotEmpty(all, name, "series");
        return all;
    }

    private static string[] Labels(IEnumerable<string>? labels, int count, string name, string what)
    {
        if (labels is null) return Enumerable.Range(0, count).Select(i => i.ToString()).ToArray();
        var list = labels.ToArray();
        Guard.Length(list.Length, count, name, $"one label per {what} of z");
        return list;
    }

    private static int Pixels(int value, string name)
    {
        Guard.InRange(value, 100, 4000, name);
        return value;
    }
}

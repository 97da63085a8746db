using MathNet.Numerics.LinearAlgebra;
using MlCourse.Notebook;
using MlCourse.Tests.Notebook.Support;

namespace MlCourse.Tests.Notebook;

// Chart settings are static: every test that changes them lives in this one class (xunit runs a
// class's tests one after another) and restores them.
public sealed class ChartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mlc-charts-").FullName;
    private readonly string? _previousDirectory = Charts.OutputDirectory;

    public ChartTests() => Charts.OutputDirectory = _directory;

    public void Dispose()
    {
        Charts.OutputDirectory = _previousDirectory;
        Charts.EmbedPlotlyInEveryChart = false;
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void A_chart_file_embeds_plotly_js_and_needs_no_cdn()
    {
        using var console = CaptureSink.Console();
        var path = Charts.Show(Charts.Line([1.0, 2.0, 3.0], [0.9, 0.4, 0.2], "Training loss", "epoch", "MSE"))!;
        var html = File.ReadAllText(path);
        // The banner plotly.js 2.28.0 starts with, and a function from deep inside the bundle.
        Assert.Contains("plotly.js v2.28.0", html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.True(html.Length > 3_000_000, $"the file has {html.Length} characters; the plotly.js bundle alone has about 3.6 million");
        // The bundle itself mentions cdn.plot.ly (a map-data default); the script Plotly.NET would load is plotly-<version>.min.js.
        Assert.DoesNotContain("cdn.plot.ly/plotly-", html);
        Assert.DoesNotContain("<script src=", html);
        Assert.Equal($"Chart \"Training loss\" written to {path}", console.Single.PlainText);
    }

    [Fact]
    public void A_chart_file_holds_the_series_data_labels_and_log_axis()
    {
        using var console = CaptureSink.Console();
        var chart = Charts.Line([new Series("train", [1.0, 2.0, 3.0], [0.9, 0.4, 0.2]), new Series("test", [1.0, 2.0, 3.0], [1.1, 0.7, 0.65])],
            "Loss curves", "epoch", "MSE", logY: true);
        var html = File.ReadAllText(Charts.Show(chart)!);
        Assert.Contains("\"name\":\"train\"", html);
        Assert.Contains("\"name\":\"test\"", html);
        Assert.Contains("\"x\":[1,2,3],\"y\":[0.9,0.4,0.2]", html);
        Assert.Contains("\"x\":[1,2,3],\"y\":[1.1,0.7,0.65]", html);
        Assert.Contains("\"text\":\"Loss curves\"", html);
        Assert.Contains("\"yaxis\":{\"title\":{\"text\":\"MSE\"},\"type\":\"log\"}", html);
        Assert.Contains("\"xaxis\":{\"title\":{\"text\":\"epoch\"}}", html);
    }

    [Fact]
    public void Chart_files_are_numbered_and_named_after_the_title()
    {
        using var console = CaptureSink.Console();
        var first = Path.GetFileName(Charts.Show(Charts.Bar(["a", "b"], [1.0, 2.0], "Scores: A/B test", "model", "score")));
        var named = Path.GetFileName(Charts.Show(Charts.Bar(["a", "b"], [1.0, 2.0], "Scores", "model", "score"), fileName: "my chart.html"));
        Assert.Matches(@"^\d{2,}-scores-a-b-test\.html$", first);
        Assert.Equal("my-chart.html", named);
    }

    [Fact]
    public void In_a_notebook_only_the_first_chart_of_a_session_carries_plotly_js()
    {
        using var notebook = CaptureSink.Notebook();
        var first = Charts.Show(Charts.Scatter([1.0, 2.0], [3.0, 4.0], "First", "x", "y"));
        Charts.Show(Charts.Scatter([1.0, 2.0], [3.0, 4.0], "Second", "x", "y"));
        Assert.Null(first);
        Assert.Equal(2, notebook.Outputs.Count);
        Assert.Contains("plotly.js v2.28.0", notebook.Outputs[0].Html);
        Assert.DoesNotContain("plotly.js v2.28.0", notebook.Outputs[1].Html);
        // The second chart draws with the window.Plotly the first one defined.
        Assert.Contains("window.Plotly.newPlot", notebook.Outputs[1].Html);
        Assert.Equal("[chart: Second]", notebook.Outputs[1].PlainText);

        // Another session (another kernel) gets its own copy.
        using var otherNotebook = CaptureSink.Notebook();
        Charts.Show(Charts.Scatter([1.0], [1.0], "Other session", "x", "y"));
        Assert.Contains("plotly.js v2.28.0", otherNotebook.Single.Html);
    }

    [Fact]
    public void EmbedPlotlyInEveryChart_and_EmbedPlotlyInNextChart_bring_the_script_back()
    {
        using var notebook = CaptureSink.Notebook();
        Charts.Show(Charts.Scatter([1.0], [1.0], "Loads plotly", "x", "y"));
        Charts.EmbedPlotlyInNextChart();
        Charts.Show(Charts.Scatter([1.0], [1.0], "Loads it again", "x", "y"));
        Charts.Show(Charts.Scatter([1.0], [1.0], "Reuses it", "x", "y"));
        Charts.EmbedPlotlyInEveryChart = true;
        Charts.Show(Charts.Scatter([1.0], [1.0], "Every chart", "x", "y"));
        var carries = notebook.Outputs.Select(o => o.Html!.Contains("plotly.js v2.28.0")).ToList();
        Assert.Equal([true, true, false, true], carries);
    }

    [Fact]
    public async Task In_a_real_kernel_the_first_chart_carries_plotly_js_and_the_second_does_not()
    {
        using var kernel = new TestKernel();
        string Html(Microsoft.DotNet.Interactive.Events.DisplayedValueProduced shown) =>
            shown.FormattedValues.Single(v => v.MimeType == "text/html").Value;
        var first = await kernel.RunAsync(() => Charts.Show(Charts.Line([1.0, 2.0], [1.0, 0.5], "Kernel chart 1", "x", "y")));
        var second = await kernel.RunAsync(() => Charts.Show(Charts.Line([1.0, 2.0], [1.0, 0.5], "Kernel chart 2", "x", "y")));
        Assert.Contains("plotly.js v2.28.0", Html(Assert.Single(first)));
        Assert.DoesNotContain("plotly.js v2.28.0", Html(Assert.Single(second)));
        Assert.Contains("\"text\":\"Kernel chart 2\"", Html(second[0]));
    }

    [Fact]
    public void A_title_cannot_close_the_script_element()
    {
        using var notebook = CaptureSink.Notebook();
        Charts.Show(Charts.Scatter([1.0], [1.0], "</script><b>x</b>", "x", "y"));
        var html = notebook.Single.Html!;
        Assert.Contains("\"text\":\"\\u003c/script>\\u003cb>x\\u003c/b>\"", html);
        // Only the loader and the drawing script close script elements.
        Assert.Equal(2, html.Split("</script>").Length - 1);
    }

    [Fact]
    public void ScatterByClass_makes_one_trace_per_class_in_label_order()
    {
        var chart = Charts.ScatterByClass([1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0], [2, 0, 2, 1], "Classes", "x1", "x2");
        Assert.Equal(["0", "1", "2"], chart.Data.Select(t => (string)t!["name"]!));
        Assert.Contains("\"mode\":\"markers\",\"name\":\"2\",\"showlegend\":true,\"x\":[1,3],\"y\":[1,3]", chart.ToJson());
    }

    [Fact]
    public void Heatmap_puts_row_zero_on_top_and_can_write_values()
    {
        var confusion = Matrix<double>.Build.DenseOfArray(new double[,] { { 50, 2 }, { 5, 43 } });
        var json = Charts.Heatmap(confusion, "Confusion", "predicted", "true", ["neg", "pos"], ["neg", "pos"], showValues: true).ToJson();
        Assert.Contains("\"z\":[[50,2],[5,43]],\"x\":[\"neg\",\"pos\"],\"y\":[\"neg\",\"pos\"]", json);
        Assert.Contains("\"autorange\":\"reversed\"", json);
        Assert.Contains("\"text\":[[\"50\",\"2\"],[\"5\",\"43\"]],\"texttemplate\":\"%{text}\"", json);
    }

    [Fact]
    public void Contour_evaluates_f_on_the_grid_and_overlays_paths()
    {
        var chart = Charts.Contour([-1.0, 0.0, 1.0], [0.0, 2.0], (x, y) => x * x + 10 * y, "Bowl", "w1", "w2",
            [new Series("gradient descent", [1.0, 0.5, 0.0], [2.0, 1.0, 0.0])]);
        var json = chart.ToJson();
        // z[i][j] = f(x[j], y[i]): row 0 is y = 0, row 1 is y = 2.
        Assert.Contains("\"x\":[-1,0,1],\"y\":[0,2],\"z\":[[1,0,1],[21,20,21]]", json);
        Assert.Contains("\"mode\":\"lines+markers\",\"name\":\"gradient descent\",\"showlegend\":true,\"x\":[1,0.5,0],\"y\":[2,1,0]", json);
    }

    [Fact]
    public void Values_json_cannot_hold_become_gaps()
    {
        var json = Charts.Line([1.0, 2.0, 3.0], [0.5, double.NaN, double.PositiveInfinity], "Diverging", "step", "loss").ToJson();
        Assert.Contains("\"y\":[0.5,null,null]", json);
    }

    [Fact]
    public void Combine_overlays_traces_on_the_first_figures_layout()
    {
        var histogram = Charts.Histogram([1.0, 2.0, 2.5], "Residuals", "residual");
        var combined = Charts.Combine(histogram, Charts.Line([0.0, 3.0], [0.0, 1.0], "ignored", "x", "y", name: "density"));
        Assert.Equal(["histogram", "scatter"], combined.Data.Select(t => (string)t!["type"]!));
        Assert.Equal("Residuals", combined.Title);
        Assert.Single(histogram.Data); // the inputs are not changed
    }


    [Fact]
    public void Bad_chart_input_names_the_argument()
    {
        var lengths = Assert.Throws<ArgumentException>(() => Charts.Line([1.0, 2.0], [1.0], "t", "x", "y"));
        Assert.Equal("y", lengths.ParamName);
        Assert.Contains("x has 2 values and y has 1", lengths.Message);

        var bars = Assert.Throws<ArgumentException>(() => Charts.Bar(["a", "b", "c"], [1.0, 2.0], "t", "x", "y"));
        Assert.Contains("has 2 values but there are 3 categories", bars.Message);

        var grid = Assert.Throws<ArgumentException>(() =>
            Charts.Contour([0.0, 1.0], [0.0, 1.0, 2.0], Matrix<double>.Build.Dense(2, 2), "t", "x", "y"));
        Assert.Equal("z", grid.ParamName);
        Assert.Contains("z must be 3x2 (one row per y value and one column per x value), but is 2x2", grid.Message);

        var classes = Assert.Throws<ArgumentException>(() => Charts.ScatterByClass([1.0, 2.0], [1.0, 2.0], [0], "t", "x", "y"));
        Assert.Equal("classes", classes.ParamName);
    }
}

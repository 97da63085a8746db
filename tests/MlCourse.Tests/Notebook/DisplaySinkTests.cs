using Microsoft.Data.Analysis;
using MlCourse.Notebook;
using MlCourse.Tests.Notebook.Support;

namespace MlCourse.Tests.Notebook;

[Collection(ConsoleCollection.Name)]
public class DisplaySinkTests
{
    [Fact]
    public void Outside_a_notebook_text_goes_to_the_console()
    {
        using var console = new ConsoleCapture();
        Show.Text("hello from a console program");
        Show.Html("<p>Loss <b>fell</b> to 0.25</p>");
        Assert.Equal("hello from a console program\nLoss fell to 0.25\n", console.Text.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Outside_a_notebook_a_table_prints_as_aligned_text()
    {
        using var console = new ConsoleCapture();
        Show.Table(new[] { new { Model = "ridge", Mse = 0.123456 }, new { Model = "ols", Mse = 12.5 } });
        var lines = console.Text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        // Numbers right-aligned to the widest cell, text left-aligned, 4 significant digits.
        Assert.Equal(["Model     Mse", "-----  ------", "ridge  0.1235", "ols      12.5"], lines);
    }

    [Fact]
    public void Outside_a_notebook_a_chart_is_written_to_a_file_and_its_path_printed()
    {
        var directory = Directory.CreateTempSubdirectory("mlc-console-chart-").FullName;
        var before = Charts.OutputDirectory;
        try
        {
            Charts.OutputDirectory = directory;
            using var console = new ConsoleCapture();
            var path = Charts.Show(Charts.Line([1.0, 2.0], [3.0, 4.0], "Console chart", "x", "y"));
            Assert.NotNull(path);
            Assert.True(File.Exists(path));
            Assert.Contains(path, console.Text);
        }
        finally
        {
            Charts.OutputDirectory = before;
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Inside_a_kernel_html_is_published_with_a_plain_text_twin()
    {
        using var kernel = new TestKernel();
        var outputs = await kernel.RunAsync(() => Show.Html("<p>Loss <b>fell</b></p>"));
        var shown = Assert.Single(outputs);
        Assert.Equal("<p>Loss <b>fell</b></p>", shown.FormattedValues.Single(v => v.MimeType == "text/html").Value);
        Assert.Equal("Loss fell", shown.FormattedValues.Single(v => v.MimeType == "text/plain").Value);
    }

    [Fact]
    public async Task Inside_a_kernel_markdown_is_published_as_markdown()
    {
        using var kernel = new TestKernel();
        var outputs = await kernel.RunAsync(() => Show.Markdown("The gradient is $2X^T(Xw - y)/n$."));
        var shown = Assert.Single(outputs);
        Assert.Equal("The gradient is $2X^T(Xw - y)/n$.", shown.FormattedValues.Single(v => v.MimeType == "text/markdown").Value);
        Assert.DoesNotContain(shown.FormattedValues, v => v.MimeType == "text/html");
    }

    [Fact]
    public async Task Inside_a_kernel_a_table_is_an_html_table()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("mse", [0.5, 1.0 / 3]), new StringDataFrameColumn("model", ["a", "b"]));
        using var kernel = new TestKernel();
        var outputs = await kernel.RunAsync(() => Show.Table(frame, "Errors"));
        var html = Assert.Single(outputs).FormattedValues.Single(v => v.MimeType == "text/html").Value;
        Assert.StartsWith("<div", html);
        Assert.Contains("<caption", html);
        Assert.Contains(">mse</th>", html);
        Assert.Contains(">0.3333</td>", html);
    }

    [Fact]
    public void A_capture_sink_sees_what_a_notebook_would_show()
    {
        using var capture = CaptureSink.Notebook();
        Show.Value("w", new[] { 0.5, -1.25 });
        var output = capture.Single;
        Assert.Equal("w = [0.5, -1.25]", output.PlainText);
        Assert.Contains("<b>w</b> = [0.5, -1.25]", output.Html);
    }
}

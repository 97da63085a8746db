namespace MlCourse.Notebook;

/// <summary>
/// Chart HTML: a div and a script that draws the figure into it with <c>window.Plotly</c>, which
/// the first chart of a session (or every standalone file) defines with the embedded plotly.js.
/// </summary>
internal static class ChartHtml
{
    public static string Fragment(Figure figure)
    {
        var id = "mlc-chart-" + Guid.NewGuid().ToString("N");
        // '<' occurs in JSON only inside strings, where \u003c is the same character: no title or
        // label (say "</script>" or "<!--") can then end or confuse the script element.
        var json = figure.ToJson().Replace("<", "\\u003c");
        return
            $"<div id=\"{id}\"></div>\n" +
            "<script type=\"text/javascript\">\n" +
            "(function () {\n" +
            $"  var figure = {json};\n" +
            $"  var target = document.getElementById('{id}');\n" +
            "  function draw() { window.Plotly.newPlot(target, figure.data, figure.layout, { responsive: true }); }\n" +
            "  if (window.Plotly) { draw(); return; }\n" +
            // Wait a little in case the output carrying plotly.js runs its script after this one.
            "  var waited = 0;\n" +
            "  var timer = setInterval(function () {\n" +
            "    if (window.Plotly) { clearInterval(timer); draw(); }\n" +
            "    else if ((waited += 100) >= 10000) {\n" +
            "      clearInterval(timer);\n" +
            "      target.textContent = 'plotly.js is not loaded on this page: the first chart of the session carries it. ' +\n" +
            "        'Re-run the notebook from the top, or call Charts.EmbedPlotlyInNextChart() (or set Charts.EmbedPlotlyInEveryChart = true) and re-run this cell.';\n" +
            "    }\n" +
            "  }, 100);\n" +
            "})();\n" +
            "</script>";
    }

    /// <summary>A complete HTML page with plotly.js inline: opens offline in any browser.</summary>
    public static string Document(Figure figure) =>
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n" +
        $"<title>{Html.Encode(figure.Title ?? "Chart")}</title>\n{PlotlyJs.LoaderScript}\n</head>\n<body>\n{Fragment(figure)}\n</body>\n</html>\n";
}

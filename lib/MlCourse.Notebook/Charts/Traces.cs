using System.Text.Json.Nodes;

namespace MlCourse.Notebook;

/// <summary>Builds plotly.js trace and layout JSON (https://plotly.com/javascript/reference/).</summary>
internal static class Traces
{
    /// <summary>
    /// Numbers as a JSON array. JSON has no NaN or Infinity; null is plotly's "no value", which
    /// leaves a gap (a diverging loss curve stops where it blew up instead of failing to draw).
    /// </summary>
    public static JsonArray Numbers(IEnumerable<double> values) =>
        new(values.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null).ToArray<JsonNode?>());

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonArray Rows(IEnumerable<IEnumerable<double>> rows) => new(rows.Select(r => (JsonNode?)Numbers(r)).ToArray());

    public static JsonObject Scatter(Series series, string mode, bool showLegend, string? color = null)
    {
        var trace = new JsonObject
        {
            ["type"] = "scatter", ["mode"] = mode, ["name"] = series.Name, ["showlegend"] = showLegend,
            ["x"] = Numbers(series.X), ["y"] = Numbers(series.Y),
        };
        if (color is not null)
        {
            trace["line"] = new JsonObject { ["color"] = color };
            trace["marker"] = new JsonObject { ["color"] = color };
        }
        return trace;
    }

    public static JsonObject Axis(string label, bool log = false)
    {
        var axis = new JsonObject { ["title"] = new JsonObject { ["text"] = label } };
        if (log) axis["type"] = "log";
        return axis;
    }

    public static JsonObject Layout(string title, string xLabel, string yLabel, int width, int height, bool logX = false, bool logY = false) => new()
    {
        ["title"] = new JsonObject { ["text"] = title },
        ["xaxis"] = Axis(xLabel, logX),
        ["yaxis"] = Axis(yLabel, logY),
        ["width"] = width,
        ["height"] = height,
        ["hovermode"] = "closest",
        ["margin"] = new JsonObject { ["t"] = 60, ["r"] = 30, ["b"] = 60, ["l"] = 70 },
    };
}

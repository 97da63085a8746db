using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlCourse.Core.Validation;

namespace MlCourse.Notebook;

/// <summary>
/// A plotly.js figure: its traces (<see cref="Data"/>) and <see cref="Layout"/>, as the JSON that
/// <c>Plotly.newPlot</c> takes. <see cref="Charts"/> builds these directly instead of going
/// through Plotly.NET's F# chart objects, because the notebook engine's final build (dotnet-interactive
/// 1.0.712001) loads FSharp.Core 10.0 while Plotly.NET 6 needs 10.1: Plotly.NET charts fail inside
/// a notebook, plain JSON works everywhere. Anything plotly.js supports can still be set by hand:
/// <code>figure.Layout["xaxis"]!["range"] = new JsonArray(0, 10);</code>
/// Reference: https://plotly.com/javascript/reference/
/// </summary>
public sealed class Figure
{
    internal Figure(JsonArray data, JsonObject layout)
    {
        Data = data;
        Layout = layout;
    }

    /// <summary>The traces, drawn in order (later ones on top).</summary>
    public JsonArray Data { get; }

    public JsonObject Layout { get; }

    /// <summary>The layout title, or null.</summary>
    public string? Title =>
        Layout["title"] is JsonObject title && title["text"] is JsonValue text && text.TryGetValue<string>(out var value) ? value : null;

    /// <summary><c>{"data": [...], "layout": {...}}</c>, the figure as plotly.js reads it.</summary>
    public string ToJson() => new JsonObject { ["data"] = Data.DeepClone(), ["layout"] = Layout.DeepClone() }.ToJsonString(Readable);

    // Plain text for "+" and non-ASCII labels (α, ·) instead of \u escapes. HTML safety is the
    // embedding's job (ChartHtml escapes '<').
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads figure JSON such as Plotly.NET's <c>GenericChart.toFigureJson</c> output.</summary>
    public static Figure FromJson(string json)
    {
        Guard.NotNull(json, nameof(json));
        var root = JsonNode.Parse(json) as JsonObject
                   ?? throw new ArgumentException("json must be an object with \"data\" and \"layout\".", nameof(json));
        var data = root["data"] as JsonArray ?? throw new ArgumentException("json has no \"data\" array.", nameof(json));
        var layout = root["layout"] as JsonObject ?? new JsonObject();
        return new Figure((JsonArray)data.DeepClone(), (JsonObject)layout.DeepClone());
    }

    public override string ToString() => $"Figure \"{Title ?? "untitled"}\" ({Data.Count} traces)";
}

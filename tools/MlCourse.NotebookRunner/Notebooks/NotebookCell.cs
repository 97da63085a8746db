using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlCourse.NotebookRunner.Notebooks;

/// <summary>
/// One cell of a <see cref="NotebookFile"/>. Cells are numbered from 1 over all cells (what a
/// reader counts when scrolling); code cells also carry their number among code cells.
/// </summary>
public sealed class NotebookCell
{
    private readonly JsonObject _json;

    internal NotebookCell(JsonObject json, int number, int? codeNumber, string cellType, string source)
    {
        _json = json;
        Number = number;
        CodeNumber = codeNumber;
        CellType = cellType;
        Source = source;
    }

    /// <summary>1-based position among all cells, Markdown included.</summary>
    public int Number { get; }

    /// <summary>1-based position among code cells; null for Markdown and raw cells.</summary>
    public int? CodeNumber { get; }

    public string CellType { get; }

    public bool IsCode => CellType == "code";

    public string Source { get; }

    /// <summary>The Polyglot kernel the cell targets (<c>metadata.polyglot_notebook.kernelName</c>), if set.</summary>
    public string? KernelName =>
        _json["metadata"]?["polyglot_notebook"]?["kernelName"] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : null;

    /// <summary>"cell 7 (code cell 4)", the form every runner message uses.</summary>
    public string Label => CodeNumber is { } code ? $"cell {Number} (code cell {code})" : $"cell {Number}";

    /// <summary>The first <paramref name="lineCount"/> non-blank lines of the source, for failure messages.</summary>
    public IReadOnlyList<string> SourceHead(int lineCount = 3) =>
        Source.Replace("\r\n", "\n").Split('\n')
              .SkipWhile(string.IsNullOrWhiteSpace)
              .Take(lineCount)
              .ToArray();

    /// <summary>The cell's outputs as stored in the file (a copy; empty for non-code cells).</summary>
    public JsonArray Outputs => _json["outputs"] is JsonArray a ? (JsonArray)a.DeepClone() : [];

    public int? ExecutionCount => _json["execution_count"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        ? v.GetValue<int>()
        : null;

    internal void SetExecution(JsonArray outputs, int? executionCount)
    {
        if (!IsCode)
            throw new InvalidOperationException($"{Label} is a {CellType} cell; only code cells have outputs.");
        _json["outputs"] = outputs;
        _json["execution_count"] = executionCount;
    }
}

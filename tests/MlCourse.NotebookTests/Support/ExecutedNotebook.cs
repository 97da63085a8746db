using System.Text.Json.Nodes;

namespace MlCourse.NotebookTests.Support;

/// <summary>An executed copy read back as JSON, to check what the runner wrote.</summary>
internal sealed class ExecutedNotebook(string path)
{
    public JsonObject Root { get; } = JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    public JsonArray Cells => Root["cells"]!.AsArray();

    /// <summary>Cell by its 1-based number among all cells.</summary>
    public JsonObject Cell(int number) => Cells[number - 1]!.AsObject();

    public JsonArray Outputs(int cellNumber) => Cell(cellNumber)["outputs"]!.AsArray();

    /// <summary>The cell's only output (fails the test if it has none or several).</summary>
    public JsonObject SingleOutput(int cellNumber) => Assert.Single(Outputs(cellNumber))!.AsObject();

    public int? ExecutionCount(int cellNumber) => (int?)Cell(cellNumber)["execution_count"];

    /// <summary>Every output of every cell as JSON text, to check that something appears nowhere.</summary>
    public string AllOutputsText() =>
        string.Join("\n", Cells.Select(c => c!["outputs"]?.ToJsonString() ?? ""));
}

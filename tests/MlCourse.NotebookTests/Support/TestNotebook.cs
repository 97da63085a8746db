using System.Text.Json.Nodes;
using MlCourse.NotebookRunner.Notebooks;

namespace MlCourse.NotebookTests.Support;

/// <summary>
/// Small notebooks built in memory for exporter tests, with the course's metadata, so each test
/// shows its cells next to its assertions.
/// </summary>
internal static class TestNotebook
{
    /// <summary>
    /// A notebook said to live in the runner fixtures folder (three folders below the root, like a
    /// week's notebooks), so <c>#r "../../../artifacts/lib/…"</c> resolves as in a week.
    /// </summary>
    public static NotebookFile InFixtures(params JsonObject[] cells) =>
        NotebookFile.Parse(Path.Combine(TestPaths.FixturesFolder, "in-memory.ipynb"), Json(cells));

    public static JsonObject Code(string source) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    public static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject(),
        ["source"] = source,
    };

    /// <summary>nbformat 4.5 JSON with ids c1, c2, … and the .NET (C#) kernelspec.</summary>
    public static string Json(params JsonObject[] cells)
    {
        var array = new JsonArray();
        for (int i = 0; i < cells.Length; i++)
        {
            var cell = (JsonObject)cells[i].DeepClone();
            cell["id"] = $"c{i + 1}";
            array.Add(cell);
        }
        var root = new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "C#" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MlCourse.NotebookTests.Support;

/// <summary>
/// The notebook rules of docs/conventions.md: nbformat 4 structure (the parts of the official
/// schema the course relies on), the .NET C# kernelspec VS Code and Jupyter both accept, every
/// code cell on the csharp kernel, and outputs cleared in committed files.
/// </summary>
internal static partial class NotebookFormatCheck
{
    /// <summary>One message per broken rule; empty for a good notebook.</summary>
    public static IReadOnlyList<string> Problems(string json)
    {
        var problems = new List<string>();
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("the top level is not an object");
        }
        catch (JsonException e)
        {
            return [$"not a JSON object: {e.Message}"];
        }

        if (Number(root["nbformat"]) != 4) problems.Add($"nbformat is {Text(root["nbformat"])}, expected 4");
        var minor = Number(root["nbformat_minor"]);
        if (minor is null) problems.Add("nbformat_minor is missing or not a number");

        var kernelspec = root["metadata"]?["kernelspec"];
        Expect(problems, kernelspec?["name"], ".net-csharp", "metadata.kernelspec.name");
        Expect(problems, kernelspec?["language"], "C#", "metadata.kernelspec.language");
        Expect(problems, kernelspec?["display_name"], ".NET (C#)", "metadata.kernelspec.display_name");
        Expect(problems, root["metadata"]?["language_info"]?["name"], "C#", "metadata.language_info.name");

        if (root["cells"] is not JsonArray cells)
        {
            problems.Add("no cells array");
            return problems;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < cells.Count; i++)
        {
            var label = $"cell {i + 1}";
            if (cells[i] is not JsonObject cell)
            {
                problems.Add($"{label} is not an object");
                continue;
            }
            CheckCell(cell, label, minor >= 5, ids, problems);
        }
        return problems;
    }

    private static void CheckCell(JsonObject cell, string label, bool idsRequired, HashSet<string> ids, List<string> problems)
    {
        var type = cell["cell_type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
        if (type is not ("code" or "markdown" or "raw")) problems.Add($"{label}: cell_type is {Text(cell["cell_type"])}");
        if (!IsSource(cell["source"])) problems.Add($"{label}: source is missing or not a string / array of strings");
        if (cell["metadata"] is not JsonObject) problems.Add($"{label}: metadata is missing");

        if (idsRequired)
        {
            // nbformat 4.5 and later: every cell has a unique id of 1-64 letters, digits, '-' or '_'.
            var id = cell["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (id is null || !CellId().IsMatch(id)) problems.Add($"{label}: id {Text(cell["id"])} is not 1-64 of [A-Za-z0-9_-] (required from nbformat 4.5)");
            else if (!ids.Add(id)) problems.Add($"{label}: id '{id}' is used by an earlier cell");
        }

        if (type == "code")
        {
            if (cell["outputs"] is not JsonArray outputs) problems.Add($"{label}: code cell has no outputs array");
            else if (outputs.Count > 0) problems.Add($"{label}: has {outputs.Count} output(s); commit notebooks with outputs cleared");
            if (!cell.ContainsKey("execution_count")) problems.Add($"{label}: code cell has no execution_count");
            else if (cell["execution_count"] is not null) problems.Add($"{label}: execution_count is {Text(cell["execution_count"])}; commit notebooks with outputs cleared (null)");
            Expect(problems, cell["metadata"]?["polyglot_notebook"]?["kernelName"], "csharp", $"{label}: metadata.polyglot_notebook.kernelName");
        }
        else if (cell.ContainsKey("outputs") || cell.ContainsKey("execution_count"))
        {
            problems.Add($"{label}: a {type} cell must not have outputs or execution_count");
        }
    }

    private static void Expect(List<string> problems, JsonNode? node, string expected, string what)
    {
        var actual = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (actual != expected) problems.Add($"{what} is {Text(node)}, expected \"{expected}\"");
    }

    private static bool IsSource(JsonNode? node) => node switch
    {
        JsonValue v => v.GetValueKind() == JsonValueKind.String,
        JsonArray a => a.All(l => l is JsonValue lv && lv.GetValueKind() == JsonValueKind.String),
        _ => false,
    };

    private static int? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) ? n : null;

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "missing";

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex CellId();
}

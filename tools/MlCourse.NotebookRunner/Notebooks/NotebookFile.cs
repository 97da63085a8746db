using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlCourse.NotebookRunner.Notebooks;

/// <summary>
/// An .ipynb file (nbformat 4) held as a JSON tree, so that everything the runner does not
/// touch (notebook and cell metadata, attachments, unknown keys) is written back unchanged.
/// </summary>
public sealed class NotebookFile
{
    private readonly JsonObject _root;

    private NotebookFile(string path, JsonObject root, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        _root = root;
        Cells = cells;
    }

    /// <summary>Full path the notebook was read from.</summary>
    public string Path { get; }

    public IReadOnlyList<NotebookCell> Cells { get; }

    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.IsCode);

    /// <summary>Reads and checks the parts of nbformat 4 the runner relies on.</summary>
    /// <exception cref="InvalidNotebookException">The file is missing, not JSON, or not nbformat 4.</exception>
    public static NotebookFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new InvalidNotebookException(fullPath, "the file does not exist");
        return Parse(fullPath, File.ReadAllText(fullPath));
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> is only used in messages and as <see cref="Path"/>.</summary>
    public static NotebookFile Parse(string path, string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidNotebookException(path, $"it is not valid JSON ({e.Message})");
        }

        if (node is not JsonObject root)
            throw new InvalidNotebookException(path, "the top level is not a JSON object");
        var nbformat = root["nbformat"]?.GetValueKind() == JsonValueKind.Number ? root["nbformat"]!.GetValue<int>() : (int?)null;
        if (nbformat != 4)
            throw new InvalidNotebookException(path, $"nbformat is {root["nbformat"]?.ToJsonString() ?? "missing"}, expected 4");
        if (root["cells"] is not JsonArray cellArray)
            throw new InvalidNotebookException(path, "it has no \"cells\" array");

        var cells = new List<NotebookCell>(cellArray.Count);
        int codeNumber = 0;
        for (int i = 0; i < cellArray.Count; i++)
        {
            if (cellArray[i] is not JsonObject cell)
                throw new InvalidNotebookException(path, $"cell {i + 1} is not a JSON object");
            var type = cell["cell_type"]?.GetValueKind() == JsonValueKind.String ? cell["cell_type"]!.GetValue<string>() : null;
            if (type is null)
                throw new InvalidNotebookException(path, $"cell {i + 1} has no cell_type");
            var source = ReadSource(cell["source"])
                ?? throw new InvalidNotebookException(path, $"cell {i + 1} has no source (a string or an array of strings)");
            bool isCode = type == "code";
            cells.Add(new NotebookCell(cell, i + 1, isCode ? ++codeNumber : null, type, source));
        }
        return new NotebookFile(path, root, cells);
    }

    /// <summary>
    /// Writes the notebook with the outputs and execution counts set on its cells. Indented by one
    /// space and with HTML left unescaped, as Jupyter writes files, so executed copies diff and read well.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        File.WriteAllText(path, ToJson() + "\n");
    }

    public string ToJson() => _root.ToJsonString(WriteOptions);

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string? ReadSource(JsonNode? source) => source switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray lines when lines.All(l => l?.GetValueKind() == JsonValueKind.String)
            => string.Concat(lines.Select(l => l!.GetValue<string>())),
        _ => null,
    };
}

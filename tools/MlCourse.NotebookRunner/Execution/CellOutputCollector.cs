using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace MlCourse.NotebookRunner.Execution;

/// <summary>
/// Turns the kernel events of one cell into nbformat 4 outputs, as VS Code and Jupyter store them:
/// stdout/stderr as "stream", displays as "display_data", the cell's value as "execute_result",
/// failures as "error". Events may arrive on kernel threads, so every member locks.
/// </summary>
internal sealed partial class CellOutputCollector(int executionCount) : IObserver<KernelEvent>
{
    private readonly object _gate = new();
    private readonly JsonArray _outputs = [];
    private readonly Dictionary<string, JsonObject> _displaysById = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    /// <summary>Error texts in arrival order; non-empty means the cell failed.</summary>
    public IReadOnlyList<string> Errors
    {
        get { lock (_gate) return _errors.ToArray(); }
    }

    public JsonArray Outputs
    {
        get { lock (_gate) return (JsonArray)_outputs.DeepClone(); }
    }

    public void OnNext(KernelEvent value)
    {
        lock (_gate)
        {
            switch (value)
            {
                case StandardOutputValueProduced stdout:
                    AppendStream("stdout", PlainText(stdout));
                    break;
                case StandardErrorValueProduced stderr:
                    AppendStream("stderr", PlainText(stderr));
                    break;
                case ErrorProduced error:
                    AddError("Error", error.Message, error.Message);
                    break;
                case ReturnValueProduced returned:
                    AddMimeOutput("execute_result", returned);
                    break;
                case DisplayedValueUpdated updated when updated.ValueId is { } id && _displaysById.TryGetValue(id, out var shown):
                    // nbformat stores the final state of a display, not its history.
                    shown["data"] = MimeBundle(updated);
                    break;
                case DisplayEvent displayed and (DisplayedValueProduced or DisplayedValueUpdated):
                    var output = AddMimeOutput("display_data", displayed);
                    if (output is not null && displayed.ValueId is { } newId) _displaysById[newId] = output;
                    break;
                case CommandFailed failed:
                    var (errorName, errorValue) = NameAndValue(failed);
                    AddError(errorName, errorValue, failed.Message);
                    break;
            }
        }
    }

    /// <summary>Records a failure that did not come from the kernel (a timeout).</summary>
    public void AddRunnerError(string name, string message)
    {
        lock (_gate) AddError(name, message, message);
    }

    public void OnError(Exception error) => AddRunnerError(error.GetType().Name, error.Message);

    public void OnCompleted() { }

    private void AppendStream(string name, string text)
    {
        if (text.Length == 0) return;
        // Jupyter shows consecutive writes to one stream as one block; store them that way too.
        if (_outputs.Count > 0 && _outputs[^1] is JsonObject last
            && (string?)last["output_type"] == "stream" && (string?)last["name"] == name)
        {
            last["text"] = (string?)last["text"] + text;
            return;
        }
        _outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = text });
    }

    private JsonObject? AddMimeOutput(string outputType, DisplayEvent e)
    {
        var data = MimeBundle(e);
        if (data.Count == 0) return null;
        var output = new JsonObject { ["output_type"] = outputType };
        if (outputType == "execute_result") output["execution_count"] = executionCount;
        output["data"] = data;
        output["metadata"] = new JsonObject();
        _outputs.Add(output);
        return output;
    }

    private void AddError(string name, string value, string fullText)
    {
        // The kernel may report one problem both as ErrorProduced and as CommandFailed.
        if (_errors.Contains(fullText)) return;
        _errors.Add(fullText);
        _outputs.Add(new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = name,
            ["evalue"] = value,
            ["traceback"] = new JsonArray(fullText.Replace("\r\n", "\n").Split('\n').Select(l => (JsonNode?)l).ToArray()),
        });
    }

    private static JsonObject MimeBundle(DisplayEvent e)
    {
        var data = new JsonObject();
        foreach (var value in e.FormattedValues.Where(v => !v.SuppressDisplay))
            data[value.MimeType] = MimeValue(value.MimeType, value.Value);
        return data;
    }

    // nbformat keeps JSON mime types as JSON; every other type is text.
    private static JsonNode? MimeValue(string mimeType, string value)
    {
        bool isJson = mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal);
        if (isJson)
        {
            try { return JsonNode.Parse(value); }
            catch (JsonException) { }
        }
        return value;
    }

    private static string PlainText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value
        ?? e.Value?.ToString()
        ?? "";

    private static (string Name, string Value) NameAndValue(CommandFailed failed) => failed.Exception switch
    {
        Microsoft.DotNet.Interactive.CodeSubmissionCompilationErrorException e => ("CompilationError", FirstLine(e.Message)),
        { } e => (e.GetType().FullName ?? e.GetType().Name, FirstLine(e.Message)),
        // From the kernel process the failure arrives as text only: "(3,5): error CS0103: ..." for a compile
        // error, "System.InvalidOperationException: message\n   at ..." for an exception.
        null => NameAndValueFromText(FirstLine(failed.Message)),
    };

    private static (string Name, string Value) NameAndValueFromText(string firstLine)
    {
        if (CompileError().IsMatch(firstLine)) return ("CompilationError", firstLine);
        var thrown = ThrownException().Match(firstLine);
        return thrown.Success ? (thrown.Groups[1].Value, thrown.Groups[2].Value) : ("Error", firstLine);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\(\d+,\d+\): error [A-Z]+\d+:")]
    private static partial System.Text.RegularExpressions.Regex CompileError();

    [System.Text.RegularExpressions.GeneratedRegex(@"^((?:[A-Za-z_][\w`]*\.)*[A-Za-z_]\w*(?:Exception|Error)): (.*)$")]
    private static partial System.Text.RegularExpressions.Regex ThrownException();

    private static string FirstLine(string text) => text.Replace("\r\n", "\n").Split('\n')[0];
}

namespace MlCourse.Tests.Notebook.Support;

/// <summary>
/// Tests that redirect Console.Out (process-wide) run alone, so no other test's output lands in
/// their capture and theirs lands nowhere else.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console redirection";
}

/// <summary>Redirects Console.Out to a string for the duration of a using block.</summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _original = Console.Out;
    private readonly StringWriter _writer = new();

    public ConsoleCapture() => Console.SetOut(_writer);

    public string Text => _writer.ToString();

    public void Dispose() => Console.SetOut(_original);
}

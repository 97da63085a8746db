namespace MlCourse.Notebook;

/// <summary>
/// Outside a notebook (a console program, a file-based app, a test): text on standard output.
/// Console.Out is read on every call, not cached, so a redirected console is honoured.
/// </summary>
internal sealed class ConsoleSink : IDisplaySink
{
    public static readonly ConsoleSink Instance = new();

    private ConsoleSink() { }

    public bool RendersHtml => false;

    public object Session => this;

    public void Display(DisplayOutput output)
    {
        var text = output.PlainText;
        Console.Out.WriteLine(text.EndsWith('\n') ? text[..^1] : text);
    }
}

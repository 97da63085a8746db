using MlCourse.Notebook;

namespace MlCourse.Tests.Notebook.Support;

/// <summary>
/// Records what the helpers would display. Installed for the current async flow only, so tests
/// running in parallel do not see each other's output.
/// </summary>
internal sealed class CaptureSink : IDisplaySink, IDisposable
{
    private readonly IDisposable _installation;

    private CaptureSink(bool rendersHtml)
    {
        RendersHtml = rendersHtml;
        _installation = DisplaySinks.Use(this);
    }

    /// <summary>Captures as a notebook would: HTML is rendered, charts display inline.</summary>
    public static CaptureSink Notebook() => new(rendersHtml: true);

    /// <summary>Captures as a console program would: text only, charts go to files.</summary>
    public static CaptureSink Console() => new(rendersHtml: false);

    public bool RendersHtml { get; }
    public object Session { get; } = new();
    public List<DisplayOutput> Outputs { get; } = [];

    public DisplayOutput Single => Assert.Single(Outputs);

    public void Display(DisplayOutput output) => Outputs.Add(output);

    /// <summary>Outputs shown under a display id and their in-place updates, in order.</summary>
    public List<(string DisplayId, bool IsUpdate, DisplayOutput Output)> Live { get; } = [];

    public void Display(DisplayOutput output, string displayId) => Live.Add((displayId, false, output));

    public void Update(DisplayOutput output, string displayId) => Live.Add((displayId, true, output));

    public void Dispose() => _installation.Dispose();
}

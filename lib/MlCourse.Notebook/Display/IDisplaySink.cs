namespace MlCourse.Notebook;

/// <summary>
/// One thing to display, in every form the helpers can produce. A sink shows the richest form its
/// front end renders: HTML or Markdown in a notebook, the plain text on a console.
/// </summary>
internal sealed record DisplayOutput(string PlainText, string? Html = null, string? Markdown = null);

/// <summary>
/// Where <see cref="Show"/>, <see cref="Charts"/>, <see cref="Quiz"/> and the exercise checkers send
/// their output. There is one display path: every helper builds a <see cref="DisplayOutput"/> and
/// hands it to <see cref="DisplaySinks.Current"/>, so tests can capture exactly what a learner sees.
/// </summary>
internal interface IDisplaySink
{
    /// <summary>True when the front end renders HTML (a notebook); charts then display inline instead of being written to files.</summary>
    bool RendersHtml { get; }

    /// <summary>
    /// Identifies one front-end session (one kernel). State such as "plotly.js was already sent
    /// to this page" belongs to a session, not to the process: an in-process notebook runner
    /// executes several notebooks, each with its own kernel, in one process.
    /// </summary>
    object Session { get; }

    void Display(DisplayOutput output);

    /// <summary>
    /// Shows output that later <see cref="Update"/> calls with the same <paramref name="displayId"/> replace in
    /// place (a live progress bar). A sink that cannot replace output shows it as an ordinary output.
    /// </summary>
    void Display(DisplayOutput output, string displayId) => Display(output);

    /// <summary>Replaces the output shown under <paramref name="displayId"/>; by default shows a new one.</summary>
    void Update(DisplayOutput output, string displayId) => Display(output);
}

using System.Text;

namespace MlCourse.Notebook;

/// <summary>How an exercise check ended.</summary>
public enum CheckStatus { Passed, Failed, NotAttempted, Threw }

/// <summary>
/// The verdict of an exercise checker (<see cref="Exercise.Check"/>). <see cref="Message"/>
/// lists every failed check with its inputs, expected and actual values. In a notebook, end the
/// checker cell with <c>.Show()</c>: <c>Week01.CheckMseGradient(MyGradient).Show();</c>
/// </summary>
public sealed class CheckResult
{
    internal CheckResult(string title, CheckStatus status, IReadOnlyList<string> failures, int checksRun, int checksPassed, Exception? exception)
    {
        Title = title;
        Status = status;
        Failures = failures;
        ChecksRun = checksRun;
        ChecksPassed = checksPassed;
        Exception = exception;
    }

    public string Title { get; }
    public CheckStatus Status { get; }
    public bool Passed => Status == CheckStatus.Passed;

    /// <summary>One entry per failed check: what, inputs, expected, actual.</summary>
    public IReadOnlyList<string> Failures { get; }

    public int ChecksRun { get; }
    public int ChecksPassed { get; }

    /// <summary>What the learner's code threw (<see cref="CheckStatus.Threw"/>, <see cref="CheckStatus.NotAttempted"/>).</summary>
    public Exception? Exception { get; }

    /// <summary>The one-line verdict.</summary>
    public string Summary => Status switch
    {
        CheckStatus.Passed => $"{Title}: passed ({ChecksPassed} of {ChecksRun} checks).",
        CheckStatus.Failed => $"{Title}: {ChecksRun - ChecksPassed} of {ChecksRun} checks failed.",
        CheckStatus.NotAttempted => $"{Title}: not attempted yet. Replace `throw new NotImplementedException()` with your code and run the check again.",
        _ => $"{Title}: your code threw {Exception!.GetType().Name}: {Exception.Message}",
    };

    /// <summary>The verdict followed by each failure.</summary>
    public string Message
    {
        get
        {
            var text = new StringBuilder(Summary);
            foreach (var failure in Failures) text.Append("\n- ").Append(failure.Replace("\n", "\n  "));
            return text.ToString();
        }
    }

    /// <summary>Displays a green (passed), red (failed or threw) or amber (not attempted) box.</summary>
    public void Show() => DisplaySinks.Display(new DisplayOutput(PlainText(), Html: ToHtml()));

    public override string ToString() => Message;

    private string PlainText() => (Status switch
    {
        CheckStatus.Passed => "[PASS] ",
        CheckStatus.NotAttempted => "[TODO] ",
        _ => "[FAIL] ",
    }) + Message;

    private string ToHtml()
    {
        var html = new StringBuilder();
        var mark = Status switch { CheckStatus.Passed => "\u2714", CheckStatus.NotAttempted => "\u270E", _ => "\u2718" };
        html.Append($"<div><b>{mark} {Html.Encode(Title)}</b></div>");
        html.Append($"<div>{MiniMarkdown.Inline(Summary[(Title.Length + 2)..])}</div>");
        if (Failures.Count > 0)
        {
            html.Append("<ul style=\"margin:6px 0;padding-left:20px\">");
            foreach (var failure in Failures)
                html.Append($"<li><pre style=\"margin:2px 0;white-space:pre-wrap;font-family:{Html.MonoFamily};font-size:12px\">{Html.Encode(failure)}</pre></li>");
            html.Append("</ul>");
        }
        var kind = Status switch { CheckStatus.Passed => BoxKind.Success, CheckStatus.NotAttempted => BoxKind.Pending, _ => BoxKind.Failure };
        return Html.Box(kind, html.ToString());
    }
}

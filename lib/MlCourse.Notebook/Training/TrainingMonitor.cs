using System.Diagnostics;
using MlCourse.Core.Training;
using MlCourse.Core.Validation;

namespace MlCourse.Notebook;

/// <summary>
/// Shows a training run as it happens: pass <see cref="Report"/> as the trainer's progress
/// callback. In a notebook one output is updated in place (a progress bar with step, epoch, loss,
/// learning rate and the latest validation scores, refreshed at most every
/// <c>minInterval</c>); on a console one line is printed per epoch. Afterwards
/// <see cref="LossChart"/> draws every step's loss with the validation loss at each epoch end.
/// Taught in Week 9, "The training loop".
/// <code>
/// var monitor = new TrainingMonitor("MLP on Fashion-MNIST");
/// var history = trainer.Fit(xTrain, yTrain, (xVal, yVal), monitor.Report);
/// Charts.Show(monitor.LossChart());
/// </code>
/// </summary>
public sealed class TrainingMonitor
{
    private const int BarWidth = 30;
    private readonly string _title;
    private readonly TimeSpan _minInterval;
    private readonly string _displayId = Guid.NewGuid().ToString("N");
    private readonly Stopwatch _sinceUpdate = new();
    private readonly List<TrainingProgress> _steps = [];
    private readonly List<TrainingProgress> _evaluations = [];
    private bool _shown;

    /// <param name="title">Heads the bar and the charts.</param>
    /// <param name="minInterval">Shortest time between two refreshes of the bar (default 0.25 s); epoch ends and the last step always refresh.</param>
    public TrainingMonitor(string title = "Training", TimeSpan? minInterval = null)
    {
        Guard.NotBlank(title, nameof(title));
        if (minInterval is { } interval && interval < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(minInterval), interval, $"minInterval must not be negative, but is {interval}.");
        _title = title;
        _minInterval = minInterval ?? TimeSpan.FromSeconds(0.25);
    }

    /// <summary>Every optimiser step's report, in order.</summary>
    public IReadOnlyList<TrainingProgress> Steps => _steps;

    /// <summary>The reports that followed an evaluation (one per epoch with validation data).</summary>
    public IReadOnlyList<TrainingProgress> Evaluations => _evaluations;

    /// <summary>Records a report and refreshes the display.</summary>
    public void Report(TrainingProgress progress)
    {
        Guard.NotNull(progress, nameof(progress));
        (progress.Evaluated ? _evaluations : _steps).Add(progress);
        var sink = DisplaySinks.Current;
        if (!sink.RendersHtml)
        {
            if (progress.Evaluated) sink.Display(new DisplayOutput(Line(progress)));
            return;
        }
        bool due = !_shown || progress.Evaluated || progress.Step >= progress.TotalSteps || _sinceUpdate.Elapsed >= _minInterval;
        if (!due) return;
        var output = new DisplayOutput(Line(progress), Html: BarHtml(progress));
        if (_shown) sink.Update(output, _displayId);
        else sink.Display(output, _displayId);
        _shown = true;
        _sinceUpdate.Restart();
    }

    /// <summary>Training loss of every step and validation loss at each epoch end, against the step.</summary>
    public Figure LossChart(bool logY = false)
    {
        if (_steps.Count == 0) throw new InvalidOperationException("No steps were reported yet: pass monitor.Report as the trainer's progress callback first.");
        var series = new List<Series> { new("training loss (per step)", _steps.Select(s => (double)s.Step), _steps.Select(s => s.Loss)) };
        var validation = _evaluations.Where(e => e.Metrics.ContainsKey("loss")).ToArray();
        if (validation.Length > 0)
            series.Add(new Series("validation loss (epoch end)", validation.Select(e => (double)e.Step), validation.Select(e => e.Metrics["loss"])));
        return Charts.Line(series, $"{_title}: loss", "optimiser step", "loss", logY: logY);
    }

    /// <summary>One validation metric (e.g. "accuracy") at each epoch end.</summary>
    public Figure MetricChart(string metric)
    {
        Guard.NotBlank(metric, nameof(metric));
        var points = _evaluations.Where(e => e.Metrics.ContainsKey(metric)).ToArray();
        if (points.Length == 0)
            throw new ArgumentException($"No evaluation reported a metric named \"{metric}\"; reported: [{string.Join(", ", _evaluations.SelectMany(e => e.Metrics.Keys).Distinct())}].", nameof(metric));
        return Charts.Line(points.Select(e => (double)(e.Epoch + 1)), points.Select(e => e.Metrics[metric]), $"{_title}: validation {metric}", "epoch", metric);
    }

    private static double Fraction(TrainingProgress p) => p.TotalSteps <= 0 ? 0 : Math.Clamp((double)p.Step / p.TotalSteps, 0, 1);

    private static string Line(TrainingProgress p)
    {
        int filled = (int)Math.Round(Fraction(p) * BarWidth);
        var scores = string.Concat(p.Metrics.Select(m => $" · val {m.Key} {Show.Format(m.Value)}"));
        return $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] step {p.Step}/{p.TotalSteps} · epoch {p.Epoch + 1}/{p.Epochs} · " +
               $"loss {Show.Format(p.Loss)} · lr {Show.Format(p.LearningRate)}{scores}";
    }

    private string BarHtml(TrainingProgress p)
    {
        var percent = (Fraction(p) * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        var text = Line(p)[(BarWidth + 3)..];   // the text after the ASCII bar
        return $"<div style=\"font-family:{Html.MonoFamily};font-size:13px\"><b>{Html.Encode(_title)}</b>" +
               $"<div style=\"background:#e5e5e5;width:100%;max-width:600px;height:10px;border-radius:5px;margin:4px 0\">" +
               $"<div style=\"background:#2f81f7;width:{percent}%;height:10px;border-radius:5px\"></div></div>{Html.Encode(text)}</div>";
    }
}

using MlCourse.Core.Training;
using MlCourse.Notebook;
using MlCourse.Tests.Notebook.Support;

namespace MlCourse.Tests.Notebook;

public sealed class TrainingMonitorTests
{
    private static readonly Dictionary<string, double> None = [];

    // Two epochs of three steps; the loss falls 1.0, 0.9, ...; validation after each epoch.
    private static IEnumerable<TrainingProgress> Run()
    {
        for (int epoch = 0; epoch < 2; epoch++)
        {
            for (int i = 1; i <= 3; i++)
            {
                int step = epoch * 3 + i;
                yield return new TrainingProgress(step, 6, epoch, 2, 1.1 - 0.1 * step, 0.01, None, Evaluated: false);
            }
            var scores = new Dictionary<string, double> { ["loss"] = 0.8 - 0.1 * epoch, ["accuracy"] = 0.7 + 0.1 * epoch };
            yield return new TrainingProgress(epoch * 3 + 3, 6, epoch, 2, 0.1, 0.01, scores, Evaluated: true);
        }
    }

    [Fact]
    public void In_a_notebook_one_output_is_shown_and_then_updated_in_place()
    {
        using var sink = CaptureSink.Notebook();
        var monitor = new TrainingMonitor("demo", minInterval: TimeSpan.Zero);
        foreach (var p in Run()) monitor.Report(p);

        Assert.Empty(sink.Outputs);                                       // nothing appended: one live output
        Assert.Equal(8, sink.Live.Count);                                 // every report refreshes with a zero interval
        Assert.False(sink.Live[0].IsUpdate);
        Assert.All(sink.Live.Skip(1), e => Assert.True(e.IsUpdate));
        Assert.Single(sink.Live.Select(e => e.DisplayId).Distinct());
        var last = sink.Live[^1].Output;
        Assert.Contains("step 6/6 · epoch 2/2", last.PlainText);
        Assert.Contains("val accuracy 0.8", last.PlainText);
        Assert.Contains("width:100%;height:10px", last.Html);             // the bar is full
    }

    [Fact]
    public void Refreshes_are_throttled_but_epoch_ends_and_the_last_step_always_show()
    {
        using var sink = CaptureSink.Notebook();
        var monitor = new TrainingMonitor("demo", minInterval: TimeSpan.FromHours(1));
        foreach (var p in Run()) monitor.Report(p);
        // The first report, the two evaluations, and step 6 (the last): steps 2-5 fall inside the hour.
        Assert.Equal(4, sink.Live.Count);
        Assert.Contains("step 1/6", sink.Live[0].Output.PlainText);
        Assert.Equal(6, monitor.Steps.Count);
        Assert.Equal(2, monitor.Evaluations.Count);
    }

    [Fact]
    public void On_a_console_one_line_is_printed_per_epoch()
    {
        using var sink = CaptureSink.Console();
        var monitor = new TrainingMonitor("demo");
        foreach (var p in Run()) monitor.Report(p);
        Assert.Equal(2, sink.Outputs.Count);
        Assert.StartsWith("[###############...............] step 3/6 · epoch 1/2 · loss 0.1", sink.Outputs[0].PlainText);
        Assert.Contains("val loss 0.8 · val accuracy 0.7", sink.Outputs[0].PlainText);
    }

    [Fact]
    public void The_loss_chart_has_every_step_and_the_validation_loss_at_epoch_ends()
    {
        var monitor = new TrainingMonitor("demo");
        using (CaptureSink.Console()) foreach (var p in Run()) monitor.Report(p);
        var figure = monitor.LossChart();
        Assert.Equal(2, figure.Data.Count);
        Assert.Equal(6, figure.Data[0]!["y"]!.AsArray().Count);
        Assert.Equal([3.0, 6.0], figure.Data[1]!["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([0.8, 0.7], figure.Data[1]!["y"]!.AsArray().Select(v => Math.Round((double)v!, 12)));
        Assert.Equal([0.7, 0.8], monitor.MetricChart("accuracy").Data[0]!["y"]!.AsArray().Select(v => Math.Round((double)v!, 12)));
        Assert.Contains("\"f1\"", Assert.Throws<ArgumentException>(() => monitor.MetricChart("f1")).Message);
        Assert.Throws<InvalidOperationException>(() => new TrainingMonitor().LossChart());
    }
}

using MlCourse.DeepLearning.Sequences;

namespace MlCourse.DeepLearning.Tests.Sequences;

/// <summary>
/// The Week 13 headline at one seeded budget: numbers of up to nine digits, 4,000 training pairs, six
/// epochs, hidden size 64 for both models. Bands are set around one recorded run of this exact
/// configuration (baseline exact match 0.463, attention 0.941; at 13+ words 0.04 against 0.87).
/// </summary>
public sealed class Seq2SeqHeadlineTests
{
    [Fact]
    public void Attention_beats_the_bottlenecked_baseline_and_most_at_the_longest_inputs()
    {
        var options = new Seq2SeqRunOptions(TrainCount: 4000, TestCount: 1000, Epochs: 6);
        var baseline = Seq2SeqExperiment.Run(options, hidden: 64, attention: false);
        var attention = Seq2SeqExperiment.Run(options, hidden: 64, attention: true);

        Assert.InRange(baseline.ExactMatch, 0.30, 0.65);
        Assert.InRange(attention.ExactMatch, 0.85, 1.0);
        double Long(Seq2SeqResult r) =>
            r.ByLength.Where(b => b.SourceLength >= 13).Sum(b => b.ExactMatch * b.Count) / r.ByLength.Where(b => b.SourceLength >= 13).Sum(b => b.Count);
        Assert.True(Long(attention) > Long(baseline) + 0.5, $"13+ words: attention {Long(attention):F3}, baseline {Long(baseline):F3}");
        // Short inputs fit the bottleneck: there the baseline is nearly perfect too.
        Assert.InRange(baseline.ByLength.Where(b => b.SourceLength <= 2).Min(b => b.ExactMatch), 0.9, 1.0);
    }
}

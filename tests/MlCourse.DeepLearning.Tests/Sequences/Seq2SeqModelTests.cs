using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Sequences;
using MlCourse.DeepLearning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Sequences;

public sealed class Seq2SeqModelTests
{
    [Fact]
    public void Attention_weights_sum_to_one_and_padding_gets_exactly_zero()
    {
        TorchSeed.Seed(1);
        var attention = new AdditiveAttention(6, 5, 4);
        var keys = randn(3, 7, 5);
        var mask = tensor(new[] { true, true, true, false, false, false, false, true, true, true, true, true, true, true, true, false, false, false, false, false, false }, [3, 7]);
        var (context, weights) = attention.forward(randn(3, 6), keys, mask);
        var w = weights.data<float>().ToArray();
        var m = mask.data<bool>().ToArray();
        for (int b = 0; b < 3; b++) Assert.Equal(1.0, w.Skip(b * 7).Take(7).Sum(), 5);
        for (int i = 0; i < w.Length; i++) if (!m[i]) Assert.Equal(0f, w[i]);
        // The context is the weighted sum of the keys, computed here with einsum instead of bmm.
        var expected = einsum("bs,bsh->bh", weights, keys);
        Assert.True(allclose(context, expected, 1e-5, 1e-6));
    }

    [Fact]
    public void Padding_on_the_right_does_not_change_a_sequence_s_decode_or_logits()
    {
        // The encoder's summary is read at the last real token, so extra padding is invisible.
        foreach (bool attention in new[] { false, true })
        {
            TorchSeed.Seed(2);
            var model = new Seq2SeqModel(new Seq2SeqConfig(10, 8, SourceLength: 6, Hidden: 12, Attention: attention));
            var one = Seq2SeqBatch.Create([[4, 5, 6]], [[3, 4]], 6, 3);
            var padded = cat([one.Packed, one.Packed], 0);
            padded[1, 3] = tensor(7L);   // the second row reads a fourth token: it must differ
            var logits = model.forward(padded);
            Assert.False(allclose(logits[0], logits[1]));
            var twin = Seq2SeqBatch.Create([[4, 5, 6], [4, 5, 6]], [[3, 4], [3, 4]], 6, 3);
            var same = model.forward(twin.Packed);
            Assert.True(allclose(same[0], logits[0]));
            Assert.Equal(new long[] { 2, 3, 8 }, logits.shape);
        }
    }

    [Fact]
    public void Teacher_forced_step_t_sees_only_tokens_before_t()
    {
        // Changing the decoder input at step 2 changes logits from step 2 on, never before: the shift is causal.
        TorchSeed.Seed(3);
        var model = new Seq2SeqModel(new Seq2SeqConfig(10, 8, SourceLength: 4, Hidden: 12, Attention: true));
        var batch = Seq2SeqBatch.Create([[4, 5]], [[3, 4, 5]], 4, 4);
        var changed = batch.Packed.clone();
        changed[0, 4 + 2] = tensor(7L);
        var a = model.forward(batch.Packed);
        var b = model.forward(changed);
        Assert.True(allclose(a[0, ..2], b[0, ..2]));
        Assert.False(allclose(a[0, 2], b[0, 2]));
    }

    [Fact]
    public void Training_keeps_the_live_tensor_count_flat()
    {
        var data = Seq2SeqExperiment.Encode(NumberWords.Generate(256, 4, seed: 4));
        TorchSeed.Seed(4);
        var model = new Seq2SeqModel(new Seq2SeqConfig(Seq2SeqExperiment.SourceVocabulary.Count, Seq2SeqExperiment.TargetVocabulary.Count,
            Seq2SeqExperiment.SourceLength, Hidden: 16, Attention: true));
        var counts = new List<(int Step, long Live)>();
        new Trainer(model, optim.Adam(model.parameters(), 1e-3), Seq2SeqExperiment.Loss, new TrainerOptions(3, 32))
            .Fit(data.Packed, data.Target, progress: p => counts.Add((p.Step, DisposeScopeManager.Statistics.ThreadTotalLiveCount)));
        var settled = counts.Where(c => c.Step >= 2).Select(c => c.Live).Distinct().ToArray();
        Assert.True(settled.Length == 1, $"live tensors over the run: {string.Join(", ", settled)}");
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Seq2SeqExperiment.Decode(model, data.Source, chunk: 64);
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}

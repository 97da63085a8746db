using MlCourse.DeepLearning.Sequences;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Sequences;

public sealed class Seq2SeqBatchTests
{
    [Fact]
    public void Decoder_input_is_bos_then_the_target_shifted_right_and_padding_is_zero()
    {
        var batch = Seq2SeqBatch.Create([[5, 6, 7], [8]], [[3, 4], [9]], sourceLength: 4, targetLength: 4);
        Assert.Equal(new long[] { 5, 6, 7, 0, 8, 0, 0, 0 }, batch.Source.data<long>().ToArray());
        Assert.Equal(new long[] { 3, 4, 2, 0, 9, 2, 0, 0 }, batch.Target.data<long>().ToArray());
        Assert.Equal(new long[] { 1, 3, 4, 0, 1, 9, 0, 0 }, batch.DecoderInput.data<long>().ToArray());
        Assert.Equal(new long[] { 3, 1 }, batch.SourceLengths.data<long>().ToArray());
        Assert.Equal(new long[] { 2, 8 }, batch.Packed.shape);
        Assert.Equal(new[] { true, true, true, false, true, false, false, false }, Seq2SeqBatch.SourceMask(batch.Source).data<bool>().ToArray());
    }

    [Fact]
    public void Too_long_sequences_are_rejected_with_the_limit_named()
    {
        var e = Assert.Throws<ArgumentException>(() => Seq2SeqBatch.Create([[5, 6, 7]], [[3]], sourceLength: 2, targetLength: 4));
        Assert.Equal("sources", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => Seq2SeqBatch.Create([[5]], [[3, 4, 5]], sourceLength: 2, targetLength: 3));
        Assert.Contains("targetLength", e.Message);
    }

    [Fact]
    public void Vocabulary_round_trips_and_decoding_stops_at_eos()
    {
        var v = TokenVocabulary.Digits();
        Assert.Equal(13, v.Count);
        var ids = v.Encode(["3", "4", "2"], appendEos: true);
        Assert.Equal(new[] { 6, 7, 5, 2 }, ids);
        Assert.Equal(["3", "4", "2"], v.Decode([.. ids, 8, 9]));
        Assert.Throws<ArgumentException>(() => v.Encode(["x"]));
    }

    [Fact]
    public void Exact_match_needs_every_token_and_the_eos_in_place()
    {
        long[] target = [6, 7, 2, 0];
        Assert.True(SequenceAccuracy.IsExact([6, 7, 2, 9], target));   // what follows <eos> does not count
        Assert.False(SequenceAccuracy.IsExact([6, 7, 5, 2], target));  // one digit too many
        Assert.False(SequenceAccuracy.IsExact([6, 2, 0, 0], target));  // one too few
        Assert.Equal(1.0 / 3, SequenceAccuracy.TokenAccuracy([[6, 2, 0, 0]], [target]), 12);  // 6 right; 2 for 7 and pad for <eos> wrong
        var buckets = SequenceAccuracy.ByLength([[6, 7, 2], [6, 2, 0], [6, 7, 2]], [target, target, target], [3, 3, 5]);
        Assert.Equal([new LengthBucket(3, 2, 0.5), new LengthBucket(5, 1, 1.0)], buckets);
    }
}

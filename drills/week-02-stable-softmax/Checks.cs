// Hidden checks for the drill "Implement softmax with numerical stability", run by `course drill check`
// against the learner's file (format: docs/drills.md). Base class library only. Every expected value is a
// closed form: softmax is unchanged by shifting all logits, equal logits share the mass equally, and
// log softmax(z) = z − logsumexp(z).
using DrillHarness;
using Drills.Week02;

internal static class DrillChecks
{
    public static void Define(CheckList checks)
    {
        // e^0, e^(ln 2), e^(ln 5) are 1, 2, 5: probabilities 1/8, 2/8, 5/8.
        checks.Add("moderate logits", "z = [0, ln 2, ln 5]", () =>
            Expect.Near([0.125, 0.25, 0.625], StableSoftmaxDrill.Softmax([0, Math.Log(2), Math.Log(5)]), 1e-12));

        checks.Add("large logits do not overflow", "z = [1000, 1000 + ln 2, 1000 + ln 5] (the same logits shifted by 1000)", () =>
            Expect.Near([0.125, 0.25, 0.625], StableSoftmaxDrill.Softmax([1000, 1000 + Math.Log(2), 1000 + Math.Log(5)]), 1e-12));

        checks.Add("very negative logits do not give 0/0", "z = [-1000, -1000, -1000, -1000]", () =>
            Expect.Near([0.25, 0.25, 0.25, 0.25], StableSoftmaxDrill.Softmax([-1000, -1000, -1000, -1000]), 1e-12));

        checks.Add("the probabilities sum to 1", "z = [3.2, -7.5, 0.1, 12.0, -0.4]", () =>
        {
            double sum = StableSoftmaxDrill.Softmax([3.2, -7.5, 0.1, 12.0, -0.4]).Sum();
            return Expect.Near(1.0, sum, 1e-12);
        });

        // logsumexp(1000, 0, −1000) = 1000 to double precision, so log softmax = z − 1000.
        checks.Add("log-softmax stays finite where softmax rounds to 0", "z = [1000, 0, -1000]", () =>
            Expect.Near([0, -1000, -2000], StableSoftmaxDrill.LogSoftmax([1000, 0, -1000]), 1e-9));

        // logsumexp(1000, 1000) − 1000 = ln 2.
        checks.Add("cross-entropy from logits", "z = [1000, 1000], label 1", () =>
            Expect.Near(Math.Log(2), StableSoftmaxDrill.CrossEntropy([1000, 1000], 1), 1e-9));

        checks.Add("a confidently wrong prediction costs the logit gap, not infinity", "z = [1000, 0, -1000], label 2", () =>
            Expect.Near(2000, StableSoftmaxDrill.CrossEntropy([1000, 0, -1000], 2), 1e-9));

        checks.Add("an empty array is refused with ArgumentException", "z = []", () =>
            Expect.Throws<ArgumentException>(() => StableSoftmaxDrill.Softmax([])));

        checks.Add("a NaN logit is refused with ArgumentException", "z = [0, NaN]", () =>
            Expect.Throws<ArgumentException>(() => StableSoftmaxDrill.Softmax([0, double.NaN])));

        // With the max shift, +∞ gives e^(∞ − ∞) = NaN and −∞ silently gets probability 0: neither is a logit
        // a model produces, so both are refused, like NaN (a NaN-only test lets both through).
        checks.Add("an infinite logit (+∞ or −∞) is refused with ArgumentException", "z = [0, +∞] and z = [0, −∞]", () =>
        {
            var positive = Expect.Throws<ArgumentException>(() => StableSoftmaxDrill.Softmax([0, double.PositiveInfinity]));
            var negative = Expect.Throws<ArgumentException>(() => StableSoftmaxDrill.Softmax([0, double.NegativeInfinity]));
            return Expect.That(positive.Passed && negative.Passed, "both throw ArgumentException", $"+∞: {positive.Actual}; −∞: {negative.Actual}");
        });

        checks.Add("a label outside 0..K-1 is refused with ArgumentOutOfRangeException", "z = [1, 2], label 2", () =>
            Expect.Throws<ArgumentOutOfRangeException>(() => StableSoftmaxDrill.CrossEntropy([1, 2], 2)));
    }
}

// A plausible wrong answer to "Implement softmax with numerical stability": the textbook formula
// without the max shift. Right for moderate logits, NaN once exp overflows (z = 1000).
namespace Drills.Week02;

public static class StableSoftmaxDrill
{
    public static double[] Softmax(double[] z)
    {
        var p = new double[z.Length];
        double sum = 0;
        for (int k = 0; k < z.Length; k++) sum += p[k] = Math.Exp(z[k]);
        for (int k = 0; k < z.Length; k++) p[k] /= sum;
        return p;
    }

    public static double[] LogSoftmax(double[] z)
    {
        var p = Softmax(z);
        var result = new double[z.Length];
        for (int k = 0; k < z.Length; k++) result[k] = Math.Log(p[k]);
        return result;
    }

    public static double CrossEntropy(double[] z, int label) => -Math.Log(Softmax(z)[label]);
}

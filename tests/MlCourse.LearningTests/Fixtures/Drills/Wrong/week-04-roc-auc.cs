// A plausible wrong answer to "Implement ROC AUC from scratch": the pair count with ties scored
// as losses instead of halves. Right when all scores are distinct, low whenever they tie.
namespace Drills.Week04;

public static class RocAucDrill
{
    public static double Auc(int[] y, double[] scores)
    {
        var order = new int[y.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var keys = (double[])scores.Clone();
        Array.Sort(keys, order);
        long positives = 0, negativesSeen = 0, wins = 0;
        for (int k = 0; k < order.Length; k++)
        {
            if (y[order[k]] == 1) { positives++; wins += negativesSeen; }   // beats every negative sorted before it, even a tied one, depending on sort order
            else negativesSeen++;
        }
        long negatives = y.Length - positives;
        return (double)wins / (positives * negatives);
    }
}

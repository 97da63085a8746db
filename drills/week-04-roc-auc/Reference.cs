// Drill "Implement ROC AUC from scratch" (Week 4). Base class library only, as on an interview pad.
namespace Drills.Week04;

public static class RocAucDrill
{
    // AUC = P(score of a random positive > score of a random negative), ties counting 1/2.
    // Rank-sum route: sort once, give tied scores their average rank (1-based); then the number of
    // (positive, negative) pairs the positives win is U = (sum of positive ranks) − P(P+1)/2.
    public static double Auc(int[] y, double[] scores)
    {
        if (y.Length != scores.Length) throw new ArgumentException($"y has {y.Length} labels but scores has {scores.Length}.", nameof(scores));
        int n = y.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (y[i] != 0 && y[i] != 1) throw new ArgumentException($"y[{i}] is {y[i]}; labels must be 0 or 1.", nameof(y));
            order[i] = i;
        }
        var keys = (double[])scores.Clone();
        Array.Sort(keys, order);                                   // O(n log n), ascending

        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && keys[end + 1] == keys[start]) end++;
            double averageRank = (start + end) / 2.0 + 1;          // ranks start..end (0-based) share their mean
            for (int k = start; k <= end; k++)
                if (y[order[k]] == 1) { positiveRankSum += averageRank; positives++; }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException($"AUC is undefined with only one class ({positives} positives, {negatives} negatives).", nameof(y));
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double)positives * negatives);
    }
}

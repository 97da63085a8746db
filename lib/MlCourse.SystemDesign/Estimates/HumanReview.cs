using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Estimates;

/// <summary>
/// People needed to review what a model sends to a queue (moderation, fraud cases): the cost that
/// a threshold change moves. Taught in notebooks/interview-prep/system-design (section "Content moderation").
/// </summary>
public static class HumanReview
{
    /// <summary>items per day × seconds per item / (3600 × productive hours per reviewer per day), rounded up.</summary>
    public static int ReviewersNeeded(double itemsPerDay, double secondsPerItem, double productiveHoursPerReviewerPerDay)
    {
        Guard.NonNegative(itemsPerDay, nameof(itemsPerDay));
        Guard.Positive(secondsPerItem, nameof(secondsPerItem));
        Guard.Positive(productiveHoursPerReviewerPerDay, nameof(productiveHoursPerReviewerPerDay));
        Guard.InRange(productiveHoursPerReviewerPerDay, 0, 24, nameof(productiveHoursPerReviewerPerDay));
        // No floor of one here (unlike machines): an empty queue needs nobody.
        return (int)Math.Ceiling(itemsPerDay * secondsPerItem / (productiveHoursPerReviewerPerDay * 3600));
    }
}

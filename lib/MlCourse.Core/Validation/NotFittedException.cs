namespace MlCourse.Core.Validation;

/// <summary>Thrown when a member that needs learned state is used before <c>Fit</c>.</summary>
public sealed class NotFittedException : InvalidOperationException
{
    public NotFittedException(string estimatorName, string member)
        : base($"{estimatorName} is not fitted yet: call Fit before {member}.")
    {
        EstimatorName = estimatorName;
        Member = member;
    }

    public string EstimatorName { get; }
    public string Member { get; }
}

using MlCourse.Notebook;

namespace MlCourse.Tests.Notebook;

public class ProfileTests
{
    [Theory]
    [InlineData(null, RunProfile.Fast)]
    [InlineData("", RunProfile.Fast)]
    [InlineData("  ", RunProfile.Fast)]
    [InlineData("fast", RunProfile.Fast)]
    [InlineData("full", RunProfile.Full)]
    [InlineData(" FULL ", RunProfile.Full)]
    [InlineData("Fast", RunProfile.Fast)]
    public void The_environment_value_selects_the_profile(string? value, RunProfile expected)
    {
        Assert.Equal(expected, Profile.Parse(value));
    }

    [Theory]
    [InlineData("ful")]
    [InlineData("slow")]
    [InlineData("1")]
    public void Any_other_value_is_an_error_naming_the_variable(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => Profile.Parse(value));
        Assert.StartsWith($"MLCOURSE_PROFILE is '{value}', which is not a profile: use 'fast' (the default) or 'full'", error.Message);
    }

    [Fact]
    public void The_override_wins_and_Pick_follows_the_current_profile()
    {
        var before = Profile.Override;
        try
        {
            Profile.Override = RunProfile.Full;
            Assert.Equal(RunProfile.Full, Profile.Current);
            Assert.Equal(5000, Profile.Pick(fast: 200, full: 5000));
            Assert.StartsWith("Profile: Full (set in this notebook)", Profile.Describe());

            Profile.Override = RunProfile.Fast;
            Assert.Equal(200, Profile.Pick(fast: 200, full: 5000));
            Assert.StartsWith("Profile: Fast (set in this notebook)", Profile.Describe());
        }
        finally
        {
            Profile.Override = before;
        }
    }
}

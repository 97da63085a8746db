using MlCourse.SystemDesign.Estimates;

namespace MlCourse.Tests.SystemDesign;

public class UnitsTests
{
    [Theory]
    [InlineData(57_870.37, "req/s", "57.9 k req/s")]
    [InlineData(1.248e9, "B", "1.25 GB")]
    [InlineData(4.2e22, "FLOP", "42 ZFLOP")]
    [InlineData(999.96, "B", "1 kB")]
    [InlineData(512, "B", "512 B")]
    [InlineData(0.5, "", "0.5")]
    [InlineData(2e8, "", "200 M")]
    [InlineData(4e9, "events/day", "4 G events/day")]
    [InlineData(36_500, "$", "$36,500")]
    [InlineData(1.38889, "$", "$1.39")]
    [InlineData(12.5, "ms", "12.5 ms")]
    [InlineData(136, "GPUs", "136 GPUs")]
    [InlineData(97_222.2, "GPU-hours", "97,222 GPU-hours")]
    public void Values_are_said_with_three_significant_digits_and_a_decimal_prefix(double value, string unit, string expected) =>
        Assert.Equal(expected, Units.Format(value, unit));
}

using MlCourse.DeepLearning.Runtime;
using TorchSharp;

namespace MlCourse.DeepLearning.Tests.Runtime;

public sealed class TorchDeviceTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("cpu")]
    [InlineData(" CPU ")]
    public void An_unset_or_cpu_setting_means_the_cpu(string? setting)
    {
        Assert.Equal(DeviceType.CPU, TorchDevice.Parse(setting));
        Assert.Equal(DeviceType.CPU, TorchDevice.FromSetting(setting).type);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:0")]
    [InlineData("mps")]
    public void An_unknown_setting_is_an_error_naming_the_variable_the_value_and_the_choices(string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => TorchDevice.FromSetting(setting));

        Assert.Contains("MLCOURSE_DEVICE", error.Message);
        Assert.Contains($"'{setting}'", error.Message);
        Assert.Contains("'cpu' or 'cuda'", error.Message);
    }

    [Fact]
    public void Cuda_is_used_when_TorchSharp_sees_a_gpu_and_explained_when_it_does_not()
    {
        if (torch.cuda.is_available())
        {
            Assert.Equal(DeviceType.CUDA, TorchDevice.FromSetting("cuda").type);
            return;
        }
        // The course machines and the TorchSharp-cpu package take this branch.
        var error = Assert.Throws<InvalidOperationException>(() => TorchDevice.FromSetting("cuda"));
        Assert.Contains("TorchSharp-cpu", error.Message);
        Assert.Contains("TorchSharp-cuda-linux", error.Message);
        Assert.Contains("unset MLCOURSE_DEVICE", error.Message);
    }
}

/// <summary>Tests that change MLCOURSE_DEVICE, which is process-wide: they run alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

[Collection(nameof(ProcessEnvironment))]
public sealed class TorchDeviceEnvironmentTests
{
    [Fact]
    public void Current_is_the_cpu_when_MLCOURSE_DEVICE_is_unset()
    {
        WithSetting(null, () => Assert.Equal(DeviceType.CPU, TorchDevice.Current.type));
    }

    [Fact]
    public void Current_reads_MLCOURSE_DEVICE_on_every_call()
    {
        WithSetting("cpu", () => Assert.Equal(DeviceType.CPU, TorchDevice.Current.type));
        WithSetting("tpu", () =>
        {
            var error = Assert.Throws<ArgumentException>(() => TorchDevice.Current);
            Assert.Contains("MLCOURSE_DEVICE must be 'cpu' or 'cuda'", error.Message);
            Assert.Contains("'tpu'", error.Message);
        });
    }

    private static void WithSetting(string? value, Action test)
    {
        var saved = Environment.GetEnvironmentVariable(TorchDevice.Variable);
        Environment.SetEnvironmentVariable(TorchDevice.Variable, value);
        try { test(); }
        finally { Environment.SetEnvironmentVariable(TorchDevice.Variable, saved); }
    }
}

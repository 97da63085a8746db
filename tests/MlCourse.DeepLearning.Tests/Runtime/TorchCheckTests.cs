using MlCourse.DeepLearning.Runtime;
using TorchSharp;

namespace MlCourse.DeepLearning.Tests.Runtime;

public sealed class TorchCheckTests
{
    [Fact]
    public void Libtorch_runs_in_the_test_process_and_multiplies_two_by_two_matrices_exactly()
    {
        var report = TorchCheck.Run(torch.CPU);

        // By hand: [[1,2],[3,4]] @ [[5,6],[7,8]] = [[1*5+2*7, 1*6+2*8], [3*5+4*7, 3*6+4*8]].
        float[,] expected = { { 19, 22 }, { 43, 50 } };
        Assert.Equal(expected, report.TorchProduct);
        Assert.Equal(expected, report.LoopProduct);
        Assert.Equal("cpu", report.Device);
    }

    [Fact]
    public void The_report_names_the_pinned_TorchSharp_and_the_libtorch_it_wraps()
    {
        var report = TorchCheck.Run(torch.CPU);

        // TorchSharp-cpu 0.107.0 is pinned in Directory.Packages.props; it wraps libtorch 2.10.0, and
        // torch.__version__ reports that as its libtorch package version, "2.10.0.0" (seen on this machine).
        Assert.Equal("0.107.0", report.TorchSharpVersion);
        Assert.Equal("2.10.0.0", report.LibTorchVersion);
        Assert.Contains("[[19, 22], [43, 50]]", report.ToString());
    }

    [Fact]
    public void The_check_frees_every_tensor_it_makes()
    {
        TorchCheck.Run(torch.CPU); // first use may create lasting tensors inside TorchSharp
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        TorchCheck.Run(torch.CPU);

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}

// Drill "Calculate output dimensions for a conv layer" (Week 10): your starting point. Keep the class, namespace and
// method signatures (the hidden checks call them); fill in the bodies.
// Base class library only. Check with: course drill check week-10-conv2d-forward
namespace Drills.Week10;

public static class Conv
{
    /// <summary>Output length along one axis: floor((n + 2p − d(k − 1) − 1)/s) + 1. Impossible settings: ArgumentException.</summary>
    public static int OutputSize(int n, int k, int padding, int stride, int dilation)
    {
        throw new NotImplementedException();
    }

    /// <summary>y (Cout, Hout, Wout) = conv2d(x (Cin, H, W), w (Cout, Cin, kH, kW)) + b, PyTorch's cross-correlation.</summary>
    public static double[,,] Forward(double[,,] x, double[,,,] w, double[] b, int padding, int stride)
    {
        throw new NotImplementedException();
    }
}

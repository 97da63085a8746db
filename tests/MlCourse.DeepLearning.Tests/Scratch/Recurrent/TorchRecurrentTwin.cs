using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch.Recurrent;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Scratch.Recurrent;

/// <summary>
/// Runs TorchSharp's own nn.RNN / nn.LSTM / nn.GRU (batch first, float64) with a scratch layer's weights copied in, on the
/// loss L = Σ output ⊙ R_out + Σ h_T ⊙ R_h (+ Σ c_T ⊙ R_c), and reads back autograd's gradients of every input.
/// </summary>
internal static class TorchRecurrentTwin
{
    public sealed record Result(double[] Output, double[] FinalHidden, double[]? FinalCell, double Loss, RecurrentGradients Gradients);

    public static Result Run(ScratchRecurrent scratch, double[] x, int batch, int time, double[] h0, double[]? c0,
        double[] outputWeights, double[] hiddenWeights, double[]? cellWeights)
    {
        using var scope = NewDisposeScope();
        int i = scratch.InputSize, h = scratch.HiddenSize;
        nn.Module module = scratch switch
        {
            ScratchRnn => nn.RNN(i, h, numLayers: 1, batchFirst: true, dtype: ScalarType.Float64),
            ScratchLstm => nn.LSTM(i, h, numLayers: 1, batchFirst: true, dtype: ScalarType.Float64),
            ScratchGru => nn.GRU(i, h, numLayers: 1, batchFirst: true, dtype: ScalarType.Float64),
            _ => throw new ArgumentException("unknown cell", nameof(scratch)),
        };
        var w = scratch.Weights;
        var source = new Dictionary<string, double[]>
        {
            ["weight_ih_l0"] = w.WeightIh, ["weight_hh_l0"] = w.WeightHh, ["bias_ih_l0"] = w.BiasIh, ["bias_hh_l0"] = w.BiasHh,
        };
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(source.Keys.Order(), parameters.Keys.Order());   // the names the scratch layout promises
        using (no_grad())
            foreach (var (name, values) in source)
            {
                var p = parameters[name];
                Assert.Equal(values.Length, p.numel());
                p.copy_(TensorConversion.ToTensor(values, p.shape));
            }

        var xt = TensorConversion.ToTensor(x, [batch, time, i]).requires_grad_(true);     // (B, T, I)
        var h0t = TensorConversion.ToTensor(h0, [1, batch, h]).requires_grad_(true);      // (1, B, H)
        var c0t = c0 is null ? null : TensorConversion.ToTensor(c0, [1, batch, h]).requires_grad_(true);
        Tensor output, hn;
        Tensor? cn = null;
        switch (module)
        {
            case TorchSharp.Modules.LSTM lstm: (output, hn, cn) = lstm.forward(xt, (h0t, c0t!)); break;   // (B, T, H), (1, B, H), (1, B, H)
            case TorchSharp.Modules.RNN rnn: (output, hn) = rnn.forward(xt, h0t); break;
            case TorchSharp.Modules.GRU gru: (output, hn) = gru.forward(xt, h0t); break;
            default: throw new InvalidOperationException();
        }
        var loss = (output * TensorConversion.ToTensor(outputWeights, [batch, time, h])).sum()
                   + (hn * TensorConversion.ToTensor(hiddenWeights, [1, batch, h])).sum();
        if (cn is not null) loss = loss + (cn * TensorConversion.ToTensor(cellWeights!, [1, batch, h])).sum();
        loss.backward();

        double[] Grad(Tensor t) => TensorConversion.ToDoubles(t.grad!);
        var grads = new RecurrentGradients(Grad(xt), Grad(h0t), c0t is null ? null : Grad(c0t),
            Grad(parameters["weight_ih_l0"]), Grad(parameters["weight_hh_l0"]), Grad(parameters["bias_ih_l0"]), Grad(parameters["bias_hh_l0"]), []);
        return new Result(TensorConversion.ToDoubles(output), TensorConversion.ToDoubles(hn), cn is null ? null : TensorConversion.ToDoubles(cn),
            loss.item<double>(), grads);
    }
}

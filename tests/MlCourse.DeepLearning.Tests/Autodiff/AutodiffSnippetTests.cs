using MlCourse.Notebook;

namespace MlCourse.DeepLearning.Tests.Autodiff;

/// <summary>
/// week09-autodiff.ipynb shows these library snippets with LibrarySource.Show(name); each must exist, sit in the file
/// that implements it, and contain the line that does the work (a refactor that moves the code out of the markers
/// fails here, not in front of a learner).
/// </summary>
public sealed class AutodiffSnippetTests
{
    [Theory]
    [InlineData("autodiff-value-add-mul", "Value.cs", "a.Grad += b.Data * output.Grad;")]
    [InlineData("autodiff-value-unary", "Value.cs", "x.Grad += (1 - output.Data * output.Data) * output.Grad)")]
    [InlineData("autodiff-value-backward", "Value.cs", "order[i]._backward?.Invoke(order[i]);")]
    [InlineData("autodiff-topological-order", "GraphOrder.cs", "order.Add(node);")]
    [InlineData("autodiff-broadcast-shape", "TensorShape.cs", "result[rank - k] = Math.Max(sa, sb);")]
    [InlineData("autodiff-sum-to-shape", "TensorShape.cs", "reduced[map[i]] += grad[i];")]
    [InlineData("autodiff-tensor-broadcast-binary", "TensorValue.Elementwise.cs", "a.AccumulateGrad(TensorShape.SumToShape(gradA, shape, a._shape));")]
    [InlineData("autodiff-tensor-sum-axis", "TensorValue.Reductions.cs", "x.Grad[i] += output.Grad[map[i]];")]
    [InlineData("autodiff-tensor-matmul", "TensorValue.MatMul.cs", "b.Grad[p * m + j] += aip * dC[i * m + j];")]
    [InlineData("autodiff-tensor-cross-entropy", "TensorValue.Softmax.cs", "(softmax[i * c + j] - (j == classes[i] ? 1 : 0)) / n")]
    [InlineData("autodiff-tensor-mlp-forward", "TensorMlp.cs", "(X.MatMul(W1) + b1).Relu()")]
    public void Week_9_autodiff_snippets_exist_and_contain_their_key_line(string name, string file, string keyLine)
    {
        var snippet = LibrarySource.Get(name);
        Assert.Equal("lib/MlCourse.DeepLearning/Autodiff/" + file, snippet.File);
        Assert.Contains(keyLine, snippet.Code);
    }
}

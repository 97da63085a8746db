using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Autodiff;

/// <summary>
/// A scalar node of a computation graph with reverse-mode automatic differentiation: the scalar engine of
/// week09-autodiff.ipynb (sections 2-4). Every operation returns a new node that remembers its inputs and how to pass
/// a gradient back to them; <see cref="Backward"/> visits the graph once, outputs before inputs, applying the chain rule.
/// <code>
/// var a = new Value(2.0, "a"); var b = new Value(-3.0, "b");
/// var loss = (a * b + a).Tanh();
/// loss.Backward();              // a.Grad = ∂loss/∂a, b.Grad = ∂loss/∂b
/// </code>
/// </summary>
/// <remarks>
/// Gradients <b>accumulate</b> (<c>+=</c>): a node used twice receives one contribution per use (section 4), so call
/// <see cref="ZeroGrad"/> (or set <see cref="Grad"/> to 0 on the parameters) before a second backward pass.
/// </remarks>
public sealed class Value
{
    private readonly Value[] _parents;
    private readonly Action<Value>? _backward;

    /// <summary>A leaf: an input or a parameter.</summary>
    public Value(double data, string label = "")
    {
        Guard.Finite(data, nameof(data));
        Data = data;
        Label = label ?? "";
        Op = "";
        _parents = [];
    }

    private Value(double data, string op, Value[] parents, Action<Value> backward)
    {
        Data = data;
        Op = op;
        Label = "";
        _parents = parents;
        _backward = backward;
    }

    /// <summary>The value computed in the forward pass. Settable so that an optimiser can update a parameter in place.</summary>
    public double Data { get; set; }

    /// <summary>∂(output of the last <see cref="Backward"/>)/∂(this node), summed over every use of the node.</summary>
    public double Grad { get; set; }

    /// <summary>The operation that made this node ("+", "*", "tanh", ...); empty for a leaf.</summary>
    public string Op { get; }

    /// <summary>A name for tables and charts.</summary>
    public string Label { get; set; }

    /// <summary>The inputs of the operation (none for a leaf); the same node appears twice in x * x.</summary>
    public IReadOnlyList<Value> Parents => _parents;

    /// <summary>
    /// A node made by a new operation: its forward value, its inputs, and its local backward rule, which reads
    /// <c>output.Grad</c> and must <b>add</b> (never assign) each input's share to that input's <see cref="Grad"/>.
    /// The built-in operations are made this way; so is the exercise's own multiply.
    /// </summary>
    public static Value Operation(double data, string op, IReadOnlyList<Value> parents, Action<Value> backward)
    {
        Guard.NotEmpty(parents, nameof(parents));
        Guard.NotNull(backward, nameof(backward));
        Guard.NotBlank(op, nameof(op));
        return new Value(data, op, parents.ToArray(), backward);
    }

    public static implicit operator Value(double data) => new(data);

    // <snippet name="autodiff-value-add-mul">
    public static Value operator +(Value a, Value b) =>
        Operation(a.Data + b.Data, "+", [a, b], output =>
        {
            a.Grad += output.Grad;                // ∂(a + b)/∂a = 1
            b.Grad += output.Grad;
        });

    public static Value operator *(Value a, Value b) =>
        Operation(a.Data * b.Data, "*", [a, b], output =>
        {
            a.Grad += b.Data * output.Grad;       // ∂(ab)/∂a = b; "+=" because a may be b (x * x)
            b.Grad += a.Data * output.Grad;
        });
    // </snippet>

    public static Value operator -(Value a) => a * -1.0;

    public static Value operator -(Value a, Value b) => a + (-b);

    public static Value operator /(Value a, Value b) => a * b.Pow(-1);

    /// <summary>x^p for a constant exponent p (x must be positive when p is not a whole number).</summary>
    public Value Pow(double exponent)
    {
        Guard.Finite(exponent, nameof(exponent));
        var x = this;
        return Operation(Math.Pow(x.Data, exponent), $"^{exponent}", [x], output =>
            x.Grad += exponent * Math.Pow(x.Data, exponent - 1) * output.Grad);
    }

    // <snippet name="autodiff-value-unary">
    public Value Exp()
    {
        var x = this;
        return Operation(Math.Exp(x.Data), "exp", [x], output =>
            x.Grad += output.Data * output.Grad);                       // (eˣ)' = eˣ, already computed
    }

    /// <summary>The natural logarithm (NaN for x ≤ 0, as in IEEE arithmetic and PyTorch).</summary>
    public Value Log()
    {
        var x = this;
        return Operation(Math.Log(x.Data), "log", [x], output =>
            x.Grad += output.Grad / x.Data);
    }

    public Value Tanh()
    {
        var x = this;
        return Operation(Math.Tanh(x.Data), "tanh", [x], output =>
            x.Grad += (1 - output.Data * output.Data) * output.Grad);   // tanh' = 1 − tanh², from the output
    }

    public Value Sigmoid()
    {
        var x = this;
        // 1/(1 + e^−x) overflows nothing: e^−x = ∞ gives exactly 0.
        return Operation(1 / (1 + Math.Exp(-x.Data)), "sigmoid", [x], output =>
            x.Grad += output.Data * (1 - output.Data) * output.Grad);   // σ' = σ(1 − σ)
    }

    /// <summary>max(0, x); its derivative at 0 is taken as 0, as PyTorch does.</summary>
    public Value Relu()
    {
        var x = this;
        return Operation(Math.Max(0, x.Data), "relu", [x], output =>
            x.Grad += (x.Data > 0 ? 1 : 0) * output.Grad);
    }
    // </snippet>

    // <snippet name="autodiff-value-backward">
    /// <summary>
    /// Reverse-mode differentiation of this node with respect to every node it depends on: set ∂self/∂self = 1, then
    /// visit the nodes in reverse topological order (each node after every node that uses it), so a node's gradient
    /// is complete before it is passed on to its inputs.
    /// </summary>
    public void Backward()
    {
        var order = TopologicalOrder();
        Grad = 1;
        for (int i = order.Count - 1; i >= 0; i--)
            order[i]._backward?.Invoke(order[i]);
    }
    // </snippet>

    /// <summary>Every node this one depends on, inputs before the nodes that use them, each once; this one last (<see cref="GraphOrder"/>).</summary>
    public IReadOnlyList<Value> TopologicalOrder() => GraphOrder.Topological(this, node => node._parents);

    /// <summary>Sets the gradient of every node of this graph to 0.</summary>
    public void ZeroGrad()
    {
        foreach (var node in TopologicalOrder()) node.Grad = 0;
    }

    public override string ToString() =>
        $"Value({(Label.Length > 0 ? Label + " = " : "")}{Data:G6}, grad {Grad:G6}{(Op.Length > 0 ? ", op " + Op : "")})";
}

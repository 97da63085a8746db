namespace MlCourse.DeepLearning.Autodiff;

/// <summary>
/// The visiting order of a backward pass, shared by <see cref="Value"/> and <see cref="TensorValue"/>
/// (week09-autodiff.ipynb, section 2 "Reverse mode on a graph").
/// </summary>
public static class GraphOrder
{
    // <snippet name="autodiff-topological-order">
    /// <summary>
    /// Every node <paramref name="root"/> depends on, each once, every node after all of its inputs (a topological
    /// order); <paramref name="root"/> comes last. A backward pass walks it from the end, so a node's gradient is
    /// complete (every user has added its share) before the node passes it on. Depth-first search with an explicit
    /// stack, so a graph thousands of operations deep does not overflow the call stack.
    /// </summary>
    public static List<T> Topological<T>(T root, Func<T, IReadOnlyList<T>> inputsOf) where T : class
    {
        var order = new List<T>();
        var visited = new HashSet<T>(ReferenceEqualityComparer.Instance) { root };
        var stack = new Stack<(T Node, int NextInput)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var inputs = inputsOf(node);
            if (next < inputs.Count)
            {
                stack.Push((node, next + 1));
                if (visited.Add(inputs[next])) stack.Push((inputs[next], 0));
            }
            else
            {
                order.Add(node);              // post-order: after all its inputs
            }
        }
        return order;
    }
    // </snippet>
}

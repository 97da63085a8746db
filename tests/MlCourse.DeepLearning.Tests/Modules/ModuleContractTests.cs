using System.Reflection;
using MlCourse.DeepLearning.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Modules;

/// <summary>
/// The module contract, the deep-learning counterpart of the estimator contract suite: every module
/// in <see cref="ModuleCases"/> must register its parameters, return the documented shape, differ
/// between train and eval mode only where it should, be reproducible from a seed, leak no tensors
/// per training step, and survive a state-dict round trip.
/// </summary>
public sealed class ModuleContractTests
{
    private static (nn.Module<Tensor, Tensor> Module, Tensor Input) Build(ModuleCase c, int seed)
    {
        TorchSeed.Seed(seed);
        var module = c.Create();
        using var generator = new Generator(1234);
        return (module, randn(c.InputShape, generator: generator));
    }

    [Theory, MemberData(nameof(ModuleCases.Data), MemberType = typeof(ModuleCases))]
    public void Parameters_and_submodules_are_registered(ModuleCase c)
    {
        var (module, _) = Build(c, 0);
        Assert.NotEmpty(module.parameters());
        Assert.Empty(UnregisteredMembers(module));
    }

    [Fact]
    public void The_registration_check_catches_a_module_that_forgot_RegisterComponents()
    {
        // The control for the check above: without RegisterComponents the optimiser would never see fc's weights.
        using var broken = new Unregistered();
        Assert.Equal(["fc"], UnregisteredMembers(broken));
        Assert.Empty(broken.parameters());
    }

    [Theory, MemberData(nameof(ModuleCases.Data), MemberType = typeof(ModuleCases))]
    public void Forward_returns_the_documented_shape(ModuleCase c)
    {
        var (module, x) = Build(c, 0);
        using var scope = NewDisposeScope();
        Assert.Equal(c.OutputShape, module.forward(x).shape);
    }

    [Theory, MemberData(nameof(ModuleCases.Data), MemberType = typeof(ModuleCases))]
    public void Eval_is_deterministic_and_train_differs_only_where_it_should(ModuleCase c)
    {
        var (module, x) = Build(c, 0);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        module.eval();
        var eval1 = module.forward(x);
        Assert.True(Same(eval1, module.forward(x)), "two eval-mode calls differ");
        module.train();
        var train = module.forward(x);
        if (c.TrainDiffersFromEval)
            Assert.False(train.allclose(eval1), "train mode should differ from eval mode (dropout or batch statistics)");
        else
            Assert.True(Same(train, eval1), "train and eval mode differ in a module with neither dropout nor batch statistics");
    }

    [Theory, MemberData(nameof(ModuleCases.Data), MemberType = typeof(ModuleCases))]
    public void The_same_seed_builds_the_same_module_and_another_seed_another(ModuleCase c)
    {
        var a = Parameters(Build(c, 7).Module);
        Assert.Equal(a, Parameters(Build(c, 7).Module));
        Assert.NotEqual(a, Parameters(Build(c, 8).Module));
    }

    [Theory, MemberData(nameof(ModuleCases.Data), MemberType = typeof(ModuleCases))]
    public void A_training_step_in_a_dispose_scope_leaks_no_tensors(ModuleCase c)
    {
        var (module, x) = Build(c, 0);
        var optimizer = optim.Adam(module.parameters(), 1e-3);
        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            module.forward(x).square().mean().backward();
            optimizer.step();
        }
        for (int i = 0; i < 3; i++) Step();   // gradients and Adam's state appear on the first step
        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 20; i++) Step();
        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Theory, MemberData(nameof(ModuleCases.Data), MemberType = typeof(ModuleCases))]
    public void A_state_dict_round_trip_reproduces_the_outputs(ModuleCase c)
    {
        var (module, x) = Build(c, 0);
        using (var scope = NewDisposeScope())
        {
            module.train();
            module.forward(x);              // moves batch-norm running statistics away from their initial values
        }
        using var stream = new MemoryStream();
        module.save(new BinaryWriter(stream));
        var (copy, _) = Build(c, 99);
        stream.Position = 0;
        copy.load(new BinaryReader(stream));

        Assert.Equal(module.state_dict().Keys.Order(), copy.state_dict().Keys.Order());
        using var noGrad = no_grad();
        module.eval();
        copy.eval();
        using var outputs = NewDisposeScope();
        Assert.True(Same(module.forward(x), copy.forward(x)), "outputs differ after loading the saved state");
    }

    /// <summary>Names of private module or parameter fields that the module did not register.</summary>
    internal static List<string> UnregisteredMembers(nn.Module module)
    {
        var parameters = module.parameters().Select(p => p.Handle).ToHashSet();
        var modules = module.modules().ToHashSet(ReferenceEqualityComparer.Instance);
        var missing = new List<string>();
        for (var type = module.GetType(); type is not null && type.Assembly != typeof(nn.Module).Assembly; type = type.BaseType)
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                var value = field.GetValue(module);
                bool registered = value switch
                {
                    TorchSharp.Modules.Parameter p => parameters.Contains(p.Handle),
                    nn.Module m => modules.Contains(m),
                    _ => true,
                };
                if (!registered) missing.Add(field.Name);
            }
        return missing;
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    private static double[] Parameters(nn.Module module) => module.parameters().SelectMany(TensorConversion.ToDoubles).ToArray();

    private sealed class Unregistered : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Linear fc = nn.Linear(2, 2);

        public Unregistered() : base(nameof(Unregistered)) { }   // no RegisterComponents()

        public override Tensor forward(Tensor x) => fc.forward(x); // (B, 2)
    }
}

// TorchSharp's default generator is global to the process (see TorchSeed): a test that seeds it and
// then builds a model gets other weights if a test on another thread draws in between. Seen here:
// two trainer runs with the same seed differed only when xunit ran other test classes alongside.
// So this assembly runs its test classes one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

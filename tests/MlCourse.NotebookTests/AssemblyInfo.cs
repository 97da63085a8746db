// Notebooks change the process's working directory and environment while they run, so the
// test classes here must not run in parallel with each other (the runner would serialise
// them anyway, but then measured wall times would include waiting).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

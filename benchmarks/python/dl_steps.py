"""PyTorch side of the deep-learning step benchmark (benchmarks/MlCourse.DeepLearning.Benchmarks).

Builds the same three networks as StepWorkload.cs (same layers, batch, loss, SGD with momentum 0.9),
times single training steps after a warm-up, and prints one JSON line that the C# side reads, so both
frameworks are measured alternately in one run. Usually started by course-dl-bench; by hand:
    /usr/bin/python3 benchmarks/python/dl_steps.py --net mlp --threads 2 --steps 20 --warmup 5
"""
import argparse
import json
import time

import torch
from torch import nn
from torch.nn import functional as F


class CharLstm(nn.Module):
    def __init__(self, vocabulary=65, embedding=64, hidden=128):
        super().__init__()
        self.embed = nn.Embedding(vocabulary, embedding)
        self.lstm = nn.LSTM(embedding, hidden, batch_first=True)
        self.head = nn.Linear(hidden, vocabulary)

    def forward(self, tokens):
        states, _ = self.lstm(self.embed(tokens))
        return self.head(states)


def workload(name):
    """(model, inputs, targets, loss) with the shapes StepWorkload.cs uses."""
    if name == "mlp":
        model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
        return model, torch.randn(128, 784), torch.randint(0, 10, (128,)), F.cross_entropy
    if name == "lenet":
        model = nn.Sequential(
            nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
            nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
        return model, torch.randn(128, 1, 28, 28), torch.randint(0, 10, (128,)), F.cross_entropy
    if name == "lstm":
        def sequence_loss(logits, targets):
            return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))
        return CharLstm(), torch.randint(0, 65, (32, 64)), torch.randint(0, 65, (32, 64)), sequence_loss
    raise SystemExit(f"dl_steps.py: unknown --net '{name}' (known: mlp, lenet, lstm)")


def loaded_blas():
    """The BLAS shared object this process really mapped (Debian switches it by alternatives or LD_LIBRARY_PATH)."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    return ", ".join(sorted(paths)) or "none mapped"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--net", required=True)
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    model, inputs, targets, loss_fn = workload(args.net)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    times, loss = [], 0.0
    for i in range(args.warmup + args.steps):
        t0 = time.perf_counter()
        optimizer.zero_grad()
        value = loss_fn(model(inputs), targets)
        value.backward()
        optimizer.step()
        loss = value.item()
        if i >= args.warmup:
            times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": loaded_blas(),
                      "step_ms": times, "final_loss": loss}))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""The BPTT training step of spec section 3 in plain PyTorch (eager, float32, one thread): what a
researcher would otherwise write. Same shapes, same arithmetic as the kernel's BpttTrainer: Elman
RNN from the zero state, cross-entropy at the last step, global-norm clipping at 1, SGD.
Prints one JSON line: ms per training iteration after warm-up, and the BLAS torch runs on."""
import argparse
import json
import time

import torch

p = argparse.ArgumentParser()
p.add_argument("--length", type=int, default=20)
p.add_argument("--hidden", type=int, default=100)
p.add_argument("--batch", type=int, default=20)
p.add_argument("--inputs", type=int, default=6)
p.add_argument("--outputs", type=int, default=4)
p.add_argument("--iterations", type=int, default=200)
p.add_argument("--warmup", type=int, default=30)
a = p.parse_args()

torch.set_num_threads(1)
torch.manual_seed(1)
H, I, O, B, T = a.hidden, a.inputs, a.outputs, a.batch, a.length
params = [torch.nn.init.orthogonal_(torch.empty(I, H)).requires_grad_(),
          torch.nn.init.orthogonal_(torch.empty(H, H)).requires_grad_(),
          torch.nn.init.orthogonal_(torch.empty(H, O)).requires_grad_(),
          torch.zeros(H, requires_grad=True), torch.zeros(O, requires_grad=True)]
Wxh, Whh, Why, bh, by = params
batches = []
for i in range(64):
    sym = torch.randint(0, I, (T, B))
    x = torch.nn.functional.one_hot(sym, I).float()
    y = torch.randint(0, O, (B,))
    batches.append((x, y))


def step(x, y):
    z = torch.zeros(B, H)
    for t in range(T):
        z = torch.tanh(z @ Whh + x[t] @ Wxh + bh)
    loss = torch.nn.functional.cross_entropy(z @ Why + by, y)
    for q in params:
        q.grad = None
    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 1.0)
    with torch.no_grad():
        for q in params:
            q -= 0.1 * q.grad


for i in range(a.warmup):
    step(*batches[i % len(batches)])
t0 = time.perf_counter()
for i in range(a.iterations):
    step(*batches[i % len(batches)])
ms = (time.perf_counter() - t0) * 1000 / a.iterations
blas = [line.strip() for line in torch.__config__.show().splitlines() if "BLAS" in line]
print(json.dumps({"impl": "pytorch", "torch": torch.__version__, "length": T, "hidden": H, "batch": B,
                  "threads": torch.get_num_threads(), "ms_per_iteration": ms, "blas_build": blas}))

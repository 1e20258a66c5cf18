#!/usr/bin/python3
"""One LRA training iteration of spec section 4 in plain PyTorch (eager, float32, one thread), in the
style of the authors' public code: the forward pass is one autograd graph and every gradient is
taken with torch.autograd.grad, so `released` pays for its full derivatives back to step 0
(O(T^2) backward work) and `local` for its per-step sub-graphs. A timing transcription for
bench/run.sh, the comparison point issue 7 allows beside the authors' own figures: it performs
the same products and autograd passes as the spec prescribes (top target, per-step targets, Omega
with the variant's s) but is not checked against the fixtures. Prints one JSON line."""
import argparse
import json
import time

import torch

p = argparse.ArgumentParser()
p.add_argument("--variant", choices=["released", "local"], default="released")
p.add_argument("--length", type=int, default=20)
p.add_argument("--hidden", type=int, default=100)
p.add_argument("--batch", type=int, default=20)
p.add_argument("--inputs", type=int, default=6)
p.add_argument("--outputs", type=int, default=4)
p.add_argument("--alpha", type=float, default=0.1)
p.add_argument("--beta", type=float, default=10.0)
p.add_argument("--k", type=int, default=10)
p.add_argument("--c", type=float, default=1.0)
p.add_argument("--lr", type=float, default=0.1)
p.add_argument("--iterations", type=int, default=10)
p.add_argument("--warmup", type=int, default=2)
a = p.parse_args()

torch.set_num_threads(1)
torch.manual_seed(1)
H, I, O, B, T = a.hidden, a.inputs, a.outputs, a.batch, a.length
alpha, beta, K, c = a.alpha, a.beta, a.k, a.c
Wxh = torch.nn.init.orthogonal_(torch.empty(I, H)).requires_grad_()
Whh = torch.nn.init.orthogonal_(torch.empty(H, H)).requires_grad_()
Why = torch.nn.init.orthogonal_(torch.empty(H, O)).requires_grad_()
bh = torch.zeros(H, requires_grad=True)
by = torch.zeros(O, requires_grad=True)
params = [Wxh, Whh, Why, bh, by]
grad = torch.autograd.grad


def clip(g):
    n = g.norm()
    return g * (c / n) if c > 0 and n >= c else g


def local_loss(u, v):
    return torch.log1p((u - v) ** 2).mean()


def omega(g, pre, w):
    """(||(g W^T) * s(pre)|| / ||g|| - 1)^2; released's s is the diagonal quirk."""
    if a.variant == "released":
        s = torch.diag(1 - torch.tanh(pre) ** 2).unsqueeze(1)
    else:
        s = 1 - torch.tanh(pre) ** 2
    return ((g @ w.t() * s).norm() / g.norm() - 1) ** 2


def forward(x, detach_state):
    hs, zs = [], []
    z = torch.zeros(B, H)
    for t in range(T):
        h = (z.detach() if detach_state else z) @ Whh + x[t] @ Wxh + bh
        z = torch.tanh(h)
        hs.append(h)
        zs.append(z)
    return hs, zs


def top_target(h_last, y):
    """K steps of a <- a - beta clip(dE/da + alpha dOmega/da) on E = L(tanh(a) Why + by)."""
    target = h_last
    for _ in range(K):
        ak = target.detach().requires_grad_()
        u = torch.tanh(ak) @ Why + by
        g_a, g_u = grad(torch.nn.functional.cross_entropy(u, y), [ak, u])
        if alpha > 0:
            g_a = g_a + alpha * grad(omega(g_u.detach(), ak, Why), ak)[0]
        target = target - beta * clip(g_a).detach()
    return target


def output_layer(o, h_last, y):
    loss = torch.nn.functional.cross_entropy(o, y)
    d_why, d_by, d_o = grad(loss, [Why, by, o], retain_graph=True)
    if alpha > 0:
        d_why = d_why + alpha * grad(omega(d_o.detach(), h_last.detach(), Why), Why)[0]
    return clip(d_why), d_by


def released_iteration(x, y):
    hs, zs = forward(x, detach_state=False)
    o = zs[-1] @ Why + by
    d_why, d_by = output_layer(o, hs[-1], y)
    sums = [torch.zeros_like(Whh), torch.zeros_like(Wxh), torch.zeros_like(bh)]
    ell = local_loss(zs[-1], torch.tanh(top_target(hs[-1], y)))
    for l in range(T - 1, 0, -1):
        d_whh, d_wxh, d_bh = grad(ell, [Whh, Wxh, bh], retain_graph=True)
        if alpha > 0 and l < T - 1 and ell.item() != 0:
            g = grad(ell, hs[l + 1], retain_graph=True)[0].detach()
            d_wxh = d_wxh + alpha * grad(omega(g, hs[l], Whh), Wxh, retain_graph=True)[0]
        sums[0] += clip(d_whh)
        sums[1] += clip(d_wxh)
        sums[2] += d_bh
        if l == 1:
            break
        # get_target: E_0 = ell, then E_k = L(z_l, q_k), q_k = tanh(tanh(a_k) Whh + x_l Wxh + bh).
        target = hs[l - 1]
        energy, q = ell, zs[l]
        for _ in range(K):
            g_a, g_q = grad(energy, [target, q], retain_graph=True)
            if alpha > 0:
                ak = target.detach().requires_grad_()
                g_a = g_a + alpha * grad(omega(g_q.detach(), ak, Whh), ak)[0]
            target = target - beta * clip(g_a).detach()
            q = torch.tanh(torch.tanh(target) @ Whh + x[l] @ Wxh + bh)
            energy = local_loss(zs[l], q)
        ell = energy
    return sums, d_why, d_by


def local_iteration(x, y):
    hs, zs = forward(x, detach_state=True)
    o = zs[-1] @ Why + by
    d_why, d_by = output_layer(o, hs[-1], y)
    sums = [torch.zeros_like(Whh), torch.zeros_like(Wxh), torch.zeros_like(bh)]
    target = torch.tanh(top_target(hs[-1], y)).detach()
    delta_above = None
    for t in range(T - 1, -1, -1):
        ell = local_loss(zs[t], target)
        d_whh, d_wxh, d_bh, delta = grad(ell, [Whh, Wxh, bh, hs[t]], retain_graph=True)
        if alpha > 0 and t < T - 1:
            d_whh = d_whh + alpha * grad(omega(delta_above, hs[t], Whh), Whh, retain_graph=True)[0]
        delta_above = delta.detach()
        sums[0] += clip(d_whh)
        sums[1] += clip(d_wxh)
        sums[2] += d_bh
        if t == 0:
            break
        a_k = hs[t - 1].detach()
        for _ in range(K):
            ak = a_k.requires_grad_()
            pre = torch.tanh(ak) @ Whh + x[t] @ Wxh.detach() + bh.detach()
            g_a, g_pre = grad(local_loss(target, torch.tanh(pre)), [ak, pre])
            if alpha > 0:
                g_a = g_a + alpha * grad(omega(g_pre.detach(), ak, Whh.detach()), ak)[0]
            a_k = (ak - beta * clip(g_a)).detach()
        target = torch.tanh(a_k)
    return sums, d_why, d_by


batches = []
for _ in range(a.iterations + a.warmup):
    symbols = torch.randint(0, I, (T, B))
    batches.append((torch.nn.functional.one_hot(symbols, I).float(), torch.randint(0, O, (B,))))
step = released_iteration if a.variant == "released" else local_iteration
for i, (x, y) in enumerate(batches):
    if i == a.warmup:
        start = time.perf_counter()
    (d_whh, d_wxh, d_bh), d_why, d_by = step(x, y)
    with torch.no_grad():
        for w, g in zip(params, [d_wxh, d_whh, d_why, d_bh, d_by]):
            w -= a.lr * g
elapsed = time.perf_counter() - start
print(json.dumps({"impl": "pytorch", "algorithm": "lra", "variant": a.variant, "length": T, "hidden": H,
                  "batch": B, "alpha": alpha, "k": K, "iterations": a.iterations,
                  "ms_per_iteration": 1000 * elapsed / a.iterations, "torch": torch.__version__,
                  "threads": torch.get_num_threads()}))

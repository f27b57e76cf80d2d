#!/usr/bin/env python3
"""PyTorch anchor for `sweep4j bench`: trains the same network on the same minibatches, same threads.

Reads CIFAR-10 records (official binary layout) from RECORDS, cuts them into batches of BATCH in file
order, trains WARMUP batches untimed and then BATCHES timed ones (cycling through the file), with the
Keras defaults sweep4j uses (Glorot-uniform weights, zero biases, Adam 1e-3 / 0.9 / 0.999 / 1e-7,
softmax cross-entropy, pixels / 255). Prints the anchor protocol: `build ...` (the PyTorch it is),
`work ...` (what it trains), with SWEEP4J_ANCHOR_BARRIER=1 `ready` after the warm-up (then it waits for
a line on its input before timing), and last `torch <images/s> <cpu utilisation %>`.

usage: torch_anchor.py RECORDS ARCHITECTURE ACTIVATION BATCH WARMUP BATCHES THREADS [PARAM=VALUE ...]
"""
import math, os, re, sys, time
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F


class Lambda(nn.Module):
    def __init__(self, fn):
        super().__init__(); self.fn = fn

    def forward(self, x):
        return self.fn(x)


class Step(torch.autograd.Function):
    """Heaviside with zero gradient, as sweep4j's `step`."""
    @staticmethod
    def forward(ctx, x):
        return (x > 0).to(x.dtype)

    @staticmethod
    def backward(ctx, g):
        return torch.zeros_like(g)


def zero_fit_linear(x):
    dims = (2, 3) if x.dim() == 4 else (1,)
    return x - x.amin(dim=dims, keepdim=True)


def activation(name, params, units):
    """A fresh activation module; `units` is the channel or feature count (PReLU has one slope each)."""
    if name == "relu": return nn.ReLU()
    if name == "leaky_relu": return nn.LeakyReLU(float(params.get("alpha", 0.01)))
    if name == "prelu": return nn.PReLU(num_parameters=units, init=0.0)
    if name == "elu": return nn.ELU(float(params.get("alpha", 1.0)))
    if name == "selu": return nn.SELU()
    if name == "gelu": return nn.GELU(approximate="tanh" if params.get("approximation") == "tanh" else "none")
    if name == "sigmoid": return nn.Sigmoid()
    if name == "tanh": return nn.Tanh()
    if name == "swish": return nn.SiLU()
    if name == "mish": return nn.Mish()
    if name == "step": return Lambda(Step.apply)
    if name == "softplus_linear":
        return Lambda(lambda x: torch.where(x <= 0, 2 * F.softplus(x), x + 2 * math.log(2)))
    if name == "reflection_linear": return Lambda(torch.abs)
    if name == "zero_fit_linear": return Lambda(zero_fit_linear)
    raise SystemExit(f"torch anchor: no activation {name}")


def network(arch, act):
    if arch == "small_cnn":
        layers = [nn.Conv2d(3, 32, 3), act(32), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), act(64), nn.MaxPool2d(2),
                  nn.Flatten(), nn.Linear(2304, 10)]
    elif arch == "deep_cnn":
        layers = [nn.Conv2d(3, 32, 3, padding=1), act(32), nn.Conv2d(32, 32, 3), act(32), nn.MaxPool2d(2),
                  nn.Dropout(0.25), nn.Conv2d(32, 64, 3, padding=1), act(64), nn.Conv2d(64, 64, 3), act(64),
                  nn.MaxPool2d(2), nn.Dropout(0.25), nn.Flatten(), nn.Linear(2304, 512), act(512), nn.Dropout(0.5),
                  nn.Linear(512, 10)]
    else:
        raise SystemExit(f"torch anchor: no architecture {arch}")
    model = nn.Sequential(*layers)
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight); nn.init.zeros_(m.bias)
    return model


def load_records(path, count=None):
    """Images (pixels / 255, NCHW) and labels of the first `count` records of an official-layout batch file."""
    raw = np.fromfile(path, dtype=np.uint8).reshape(-1, 3073)[:count]
    return (torch.from_numpy(raw[:, 1:].reshape(-1, 3, 32, 32).astype(np.float32) / 255),
            torch.from_numpy(raw[:, 0].astype(np.int64)))


def keras_adam(model):
    """Adam with Keras's defaults, as sweep4j's models use."""
    return torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)


def build():
    """`torch 1.13.1 python 3.11 blas generic mkl onednn`: the PyTorch this is, from its own config."""
    blas = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
    return (f"torch {re.match(r'[0-9.]*[0-9]', torch.__version__).group(0)} python {sys.version_info[0]}.{sys.version_info[1]}"
            f" blas {blas.group(1) if blas else 'unknown'}"
            f" {'mkl' if torch.backends.mkl.is_available() else 'no-mkl'}"
            f" {'onednn' if torch.backends.mkldnn.is_available() else 'no-onednn'}")


def layer_parameters(model):
    """Parameters per layer that has any, in order: `896,18496,23050`."""
    counts = [sum(p.numel() for p in m.parameters()) for m in model]
    return ",".join(str(c) for c in counts if c > 0)


def main():
    path, arch, act_name = sys.argv[1:4]
    batch, warmup, batches, threads = (int(v) for v in sys.argv[4:8])
    params = dict(p.split("=", 1) for p in sys.argv[8:])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x, y = load_records(path)
    n = len(x) // batch
    model = network(arch, lambda units: activation(act_name, params, units))
    opt = keras_adam(model)
    model.train()
    print(f"build {build()}")
    print(f"work layers={layer_parameters(model)} batch={batch} warmup={warmup} timed={batches}"
          f" threads={torch.get_num_threads()} optimizer=adam(0.001,0.9,0.999,1e-07)", flush=True)

    def train(count, first):
        for k in range(first, first + count):
            i = (k % n) * batch
            opt.zero_grad(); F.cross_entropy(model(x[i:i + batch]), y[i:i + batch]).backward(); opt.step()

    train(warmup, 0)
    if os.environ.get("SWEEP4J_ANCHOR_BARRIER") == "1":
        print("ready", flush=True)
        sys.stdin.readline()
    wall, cpu = time.perf_counter(), time.process_time()
    train(batches, warmup)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"torch {batches * batch / wall:.1f} {100 * cpu / (wall * threads):.0f}", flush=True)


if __name__ == "__main__":
    main()

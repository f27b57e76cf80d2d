#!/usr/bin/env python3
"""PyTorch anchor for accuracy: what another framework learns with the same network, data and budget.

Trains ARCHITECTURE with each ACTIVATION (the definitions `sweep4j bench` uses for its speed anchor, from
src/main/resources/org/sweep4j/bench/torch_anchor.py) with Keras defaults (Glorot-uniform weights, zero
biases, Adam 1e-3 / 0.9 / 0.999 / 1e-7, pixels / 255), batch BATCH, on the first TRAIN records of
data_batch_1.bin, reshuffled each epoch, and prints the accuracy on the first TEST records of
test_batch.bin after every epoch (dropout off), one line per epoch:

    torch <activation> seed <seed> epoch <epoch> val_acc <accuracy> <images/s> img/s

Defaults match jobs/activations-small-cnn.yaml.

usage: /usr/bin/python3 jobs/anchors/torch_accuracy.py DATA_DIR [ACTIVATION ...] [--architecture small_cnn]
           [--seeds 1,2] [--epochs 3] [--batch 100] [--train 10000] [--test 10000] [--threads 2]
       (Debian: apt-get install python3-torch)
"""
import argparse, importlib.util, os, time
import torch, torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = importlib.util.spec_from_file_location(
    "torch_anchor", os.path.join(HERE, "../../src/main/resources/org/sweep4j/bench/torch_anchor.py"))
anchor = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(anchor)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data"); p.add_argument("activations", nargs="*", default=["relu"])
    p.add_argument("--architecture", default="small_cnn")
    p.add_argument("--seeds", default="1,2"); p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--train", type=int, default=10000); p.add_argument("--test", type=int, default=10000)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    x, y = anchor.load_records(os.path.join(a.data, "data_batch_1.bin"), a.train)
    xt, yt = anchor.load_records(os.path.join(a.data, "test_batch.bin"), a.test)
    for name in a.activations:
        for seed in [int(s) for s in a.seeds.split(",")]:
            torch.manual_seed(seed)
            model = anchor.network(a.architecture, lambda units: anchor.activation(name, {}, units))
            opt = anchor.keras_adam(model)
            for epoch in range(1, a.epochs + 1):
                model.train(); order = torch.randperm(len(x)); start = time.time()
                for i in range(0, len(x), a.batch):
                    idx = order[i:i + a.batch]
                    opt.zero_grad(); F.cross_entropy(model(x[idx]), y[idx]).backward(); opt.step()
                seconds = time.time() - start
                model.eval()
                with torch.no_grad():
                    predicted = torch.cat([model(xt[i:i + 1000]).argmax(1) for i in range(0, len(xt), 1000)])
                print(f"torch {name} seed {seed} epoch {epoch} val_acc {(predicted == yt).float().mean().item():.4f}"
                      f" {len(x) / seconds:.0f} img/s", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes synthetic_edges_input.csv: 1,500 bars built to reach the corners of ta's definitions, for
make_ta_reference.py (the team's shared script that runs ta's add_all_ta_features) to compute the reference.

Deterministic (random.Random(20240601)); prices on a 0.01 grid, volumes with up to 3 decimals.
  bars    0-299   random walk around 100 (ties between highs and lows happen naturally)
  bars  300-379   flat: open = high = low = close (H = L, flat windows, zero ranges: 0/0 in many columns)
  bars  380-499   random walk with every 7th volume 0 (ease of movement divides by the volume)
  bars  500-899   blocks of 20 bars aligned with the 20-bar window whose 20th close equals the block's mean
  bars  900-1499  the same around 9,500,000 (20-bar sums of closes beyond 2^53 units of 1e-8)
Usage: make_synthetic_edges.py OUTPUT_CSV
"""
import random
import sys


def main(path):
    rnd = random.Random(20240601)
    rows = []
    close = 10000  # in cents

    def bar(open_, close_, spread=3, volume=None):
        high = max(open_, close_) + rnd.randint(0, spread)
        low = min(open_, close_) - rnd.randint(0, spread)
        vol = rnd.randint(1, 1_000_000) if volume is None else volume
        rows.append((open_, high, low, close_, vol))

    for _ in range(300):
        nxt = close + rnd.randint(-5, 5)
        bar(close, nxt)
        close = nxt
    for _ in range(80):
        rows.append((close, close, close, close, rnd.randint(1, 1_000_000)))
    for i in range(120):
        nxt = close + rnd.randint(-5, 5)
        bar(close, nxt, volume=0 if i % 7 == 3 else None)
        close = nxt

    def blocks(count, base):
        nonlocal close
        for _ in range(count):
            deviations = [rnd.randint(-20, 20) for _ in range(18)]
            deviations.append(-sum(deviations))
            deviations.append(0)  # the 20th close is the block's mean
            for d in deviations:
                nxt = base + d
                bar(close, nxt)
                close = nxt
            base += rnd.randint(-30, 30)

    blocks(20, close)
    close = 950_000_000
    blocks(30, 950_000_000)

    with open(path, "w") as out:
        out.write("Date,Open,High,Low,Close,Volume\n")
        for i, (o, h, l, c, v) in enumerate(rows):
            out.write(f"bar{i:05d},{o / 100:.2f},{h / 100:.2f},{l / 100:.2f},{c / 100:.2f},{v / 1000:.3f}\n")


if __name__ == "__main__":
    main(sys.argv[1])

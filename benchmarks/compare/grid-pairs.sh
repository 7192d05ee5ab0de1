#!/usr/bin/env bash
# docs/benchmarks.md, "hogwild": the 8-point grid with --parallel 1 then --parallel 2, PAIRS times, with a
# CoreScaling probe round before each pair, for 10 epochs (hogwild-grid.yaml) and 30 epochs (the same spec with
# epochs: 30). Prints each command's whole wall time. Run from the repository root after the CLI is packaged.
# Usage: bash benchmarks/compare/grid-pairs.sh [PAIRS]   (default 4)
set -euo pipefail
pairs=${1:-4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed 's/epochs: 10/epochs: 30/' benchmarks/compare/hogwild-grid.yaml > "$work/hogwild-grid-30.yaml"
for spec in benchmarks/compare/hogwild-grid.yaml "$work/hogwild-grid-30.yaml"; do
  name=$(basename "$spec" .yaml)
  for pair in $(seq 1 "$pairs"); do
    java benchmarks/compare/CoreScaling.java 2 1 | tail -1
    for p in 1 2; do
      start=$(date +%s%N)
      run="$work/$name-p$p-$pair"
      bin/bloomfit run "$spec" --parallel "$p" --quiet --out "$run" > "$run.log" 2>&1 || { cat "$run.log"; exit 1; }
      end=$(date +%s%N)
      printf '%s pair %d --parallel %d: %.2f s wall\n' "$name" "$pair" "$p" \
        "$(awk -v a="$start" -v b="$end" 'BEGIN { print (b - a) / 1e9 }')"
    done
  done
done

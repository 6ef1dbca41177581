#!/bin/sh
# Keeps only the node-llama-cpp prebuilt binaries an image needs, for the CPU it is built on.
# npm installs every Linux flavour that matches (x64 also pulls arm64/armv7l builds, plus CUDA
# ~540 MB and Vulkan ~80 MB), most of the package's ~730 MB.
#   select-llama-backends "cpu"          CPU build only (edge workers)
#   select-llama-backends "cpu,cuda"     plus the CUDA builds (edge on an NVIDIA node)
#   select-llama-backends "none"         no binary (API, cpu and gpu workers never load llama.cpp)
# Usage: select-llama-backends BACKENDS [NODE_MODULES_DIR]
set -eu
backends="${1:?backends: none or a comma list of cpu, cuda, vulkan}"
dir="${2:-node_modules}/@node-llama-cpp"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  armv7l) arch=armv7l ;;
  *) arch="$(uname -m)" ;;
esac
for item in $(echo "$backends" | tr ',' ' '); do
  case "$item" in none|cpu|cuda|vulkan) ;; *) echo "unknown llama backend: $item" >&2; exit 2 ;; esac
done

wants() { echo ",$backends," | grep -q ",$1,"; }

[ -d "$dir" ] || { echo "no $dir: nothing to select"; exit 0; }
for path in "$dir"/*; do
  name="$(basename "$path")"
  keep=no
  case "$name" in
    "linux-$arch") wants cpu && keep=yes ;;
    "linux-$arch-cuda"|"linux-$arch-cuda-ext") wants cuda && keep=yes ;;
    "linux-$arch-vulkan") wants vulkan && keep=yes ;;
  esac
  if [ "$keep" = yes ]; then echo "keep   @node-llama-cpp/$name"; else rm -rf "$path"; echo "remove @node-llama-cpp/$name"; fi
done
if wants cpu && [ ! -d "$dir/linux-$arch" ]; then
  echo "the CPU build @node-llama-cpp/linux-$arch is missing" >&2
  exit 1
fi

#!/usr/bin/env bash
# Builds the container images of parser-svc, validator-svc and aggregator-svc
# with buildah, from binaries already built on this machine. No registry is
# needed: each image is FROM scratch with
#   /usr/local/bin/<service>          the binary (debug sections stripped)
#   its ldd closure                   every shared library at the path ldd
#                                     resolved, and the dynamic loader
#   /usr/share/govreport/gazetteer    the repository's data/gazetteer
#   /etc/passwd, /etc/group           user and group 65532 "nonroot"
#   /etc/nsswitch.conf, /tmp
#   /etc/fonts, /usr/share/poppler  when the binary links fontconfig/poppler
#                                   and this machine has them
# and runs as 65532:65532. Prints each image's name and size.
#
#   deploy/build-images.sh BIN_DIR [service ...]
#     BIN_DIR   where parser-svc, validator-svc, aggregator-svc are
#               (a CMake build's bin/, e.g. build-deploy/bin)
#   Environment:
#     IMAGE_PREFIX   name prefix, default "govreport/" (buildah stores
#                    localhost/govreport/<service>)
#     IMAGE_TAG      default: the project version in CMakeLists.txt
#     KEEP_DEBUG=1   keep the binaries' debug sections
#     STORAGE_DRIVER buildah's storage driver (e.g. vfs where overlay fails)
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'; }
if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
  usage
  [[ $# -ge 1 ]] && exit 0 || exit 2
fi

deploy=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$deploy")
bin_dir=$(cd "$1" && pwd)
shift
services=("$@")
((${#services[@]})) || services=(parser-svc validator-svc aggregator-svc)

prefix=${IMAGE_PREFIX:-govreport/}
tag=${IMAGE_TAG:-$(sed -nE 's/^project\(govreport VERSION ([0-9.]+).*/\1/p' "$repo/CMakeLists.txt")}
[[ -n $tag ]] || { echo "build-images: cannot read the version from CMakeLists.txt; set IMAGE_TAG" >&2; exit 1; }
gazetteer=$repo/data/gazetteer

command -v buildah >/dev/null || { echo "build-images: buildah is not installed" >&2; exit 1; }
[[ -d $gazetteer ]] || { echo "build-images: $gazetteer is missing; the images carry it" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Copies `file` (symlinks followed) to the same path under `root`.
copy_as() {
  local file=$1 root=$2
  mkdir -p "$root$(dirname "$file")"
  cp -L --preserve=mode "$file" "$root$file"
}

# The binary's shared libraries and loader, as absolute paths; fails on a
# library ldd cannot find.
closure() {
  local bin=$1 out
  out=$(ldd "$bin") || { echo "build-images: ldd $bin failed (not a dynamic executable?)" >&2; return 1; }
  if grep -q "not found" <<<"$out"; then
    echo "build-images: $bin needs libraries this machine lacks:" >&2
    grep "not found" <<<"$out" >&2
    return 1
  fi
  # "libx.so.1 => /lib/.../libx.so.1 (0x...)" and "/lib64/ld-linux-x86-64.so.2 (0x...)"
  awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' <<<"$out" | sort -u
}

assemble() {
  local svc=$1 ctx=$2 root=$2/rootfs bin=$bin_dir/$1
  mkdir -p "$root/usr/local/bin" "$root/etc" "$root/tmp" "$root/usr/share/govreport"
  chmod 1777 "$root/tmp"
  if [[ ${KEEP_DEBUG:-0} == 1 ]]; then
    cp -L "$bin" "$root/usr/local/bin/$svc"
  else
    objcopy --strip-debug "$bin" "$root/usr/local/bin/$svc"
  fi
  chmod 0755 "$root/usr/local/bin/$svc"
  local lib libs
  libs=$(closure "$bin")
  for lib in $libs; do copy_as "$lib" "$root"; done
  # Data some libraries read at run time: fontconfig's configuration (poppler
  # initialises it) and poppler's CMaps, when the library is linked and the
  # data is installed here, so that the image behaves as the build machine.
  if grep -q '/libfontconfig\.so' <<<"$libs" && [[ -d /etc/fonts ]]; then
    mkdir -p "$root/etc" && cp -rL /etc/fonts "$root/etc/fonts"
  fi
  if grep -q '/libpoppler\.so' <<<"$libs" && [[ -d /usr/share/poppler ]]; then
    mkdir -p "$root/usr/share" && cp -rL /usr/share/poppler "$root/usr/share/poppler"
  fi
  cp -r "$gazetteer" "$root/usr/share/govreport/gazetteer"
  chmod -R a+rX "$root/usr/share/govreport"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/tmp:/sbin/nologin\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnonroot:x:65532:\n' >"$root/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
  cp "$deploy/images/$svc/Containerfile" "$ctx/Containerfile"
}

declare -A sizes
for svc in "${services[@]}"; do
  [[ -f $deploy/images/$svc/Containerfile ]] || { echo "build-images: no deploy/images/$svc/Containerfile" >&2; exit 1; }
  [[ -x $bin_dir/$svc ]] || { echo "build-images: $bin_dir/$svc is missing; build it first" >&2; exit 1; }
  image="$prefix$svc:$tag"
  echo "== $svc -> $image"
  ctx=$work/$svc
  assemble "$svc" "$ctx"
  previous=$(buildah images --quiet --no-trunc "$image" 2>/dev/null || true)
  buildah build --isolation chroot --layers=false --quiet \
    --tag "$image" --file "$ctx/Containerfile" "$ctx" >/dev/null
  # A rebuild under the same tag leaves the old image nameless: drop it.
  current=$(buildah images --quiet --no-trunc "$image")
  if [[ -n $previous && $previous != "$current" ]]; then
    buildah rmi "$previous" >/dev/null 2>&1 || true
  fi
  sizes[$svc]="$(buildah images --format '{{.Size}}' "$image" | head -n1)"
  echo "$svc: $(find "$ctx/rootfs" -type f | wc -l) files, $(du -sh --apparent-size "$ctx/rootfs" | cut -f1) on disk"
done

echo
printf '%-16s %-44s %s\n' SERVICE IMAGE SIZE
for svc in "${services[@]}"; do
  printf '%-16s %-44s %s\n' "$svc" "localhost/$prefix$svc:$tag" "${sizes[$svc]}"
done

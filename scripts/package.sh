#!/usr/bin/env bash
# Builds a release of sheetlint for CI gates that have no Swift toolchain: a binary with the
# Swift runtime linked statically (--static-swift-stdlib; `ldd` lists only the system C and
# C++ libraries), the default rules and catalogues built in (and shipped as YAML beside it),
# the README, the docs, the licences, in dist/sheetlint-VERSION-linux-ARCH.tar.gz.
#
# It packages the committed state (HEAD), built from a clean copy so the binary records its
# commit (`sheetlint --version`); uncommitted changes are refused rather than left out
# silently. Needs git, tar, gzip and a Swift 6 toolchain with its static SDK parts.
#
# usage: scripts/package.sh [--allow-dirty]   (then: dist/… and its .sha256)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [ "${1:-}" != "--allow-dirty" ] && [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "package.sh: the working tree has uncommitted changes; commit them (or pass --allow-dirty to package HEAD anyway)" >&2
  exit 2
fi
version=$(sed -nE 's/.*static let current = "([^"]+)".*/\1/p' Sources/SheetlintKit/SheetlintVersion.swift)
[ -n "$version" ] || { echo "package.sh: cannot read the version from SheetlintVersion.swift" >&2; exit 2; }
commit=$(git rev-parse --short=12 HEAD)
arch=$(uname -m)
name="sheetlint-$version-linux-$arch"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src="$work/src"
mkdir -p "$src"
git archive HEAD | tar -x -C "$src"
cat > "$src/Sources/SheetlintKit/SheetlintBuild.swift" <<SWIFT
/// Written by scripts/package.sh for the release built from commit $commit.
enum SheetlintBuild {
    static let commit: String? = "$commit"
}
SWIFT

# The dependency checkouts of this clone, when present, spare a network fetch.
scratch="$root/.build-package"
mkdir -p "$scratch"
echo "== building $name (commit $commit)"
swift build --package-path "$src" --scratch-path "$scratch" -c release --static-swift-stdlib --product sheetlint
bin=$(swift build --package-path "$src" --scratch-path "$scratch" -c release --static-swift-stdlib --show-bin-path)/sheetlint

# Only the system's C and C++ runtime may be left to load dynamically.
if ldd "$bin" | grep -E 'swift|Foundation|dispatch|BlocksRuntime|icu' ; then
  echo "package.sh: the binary still loads Swift runtime libraries dynamically (above)" >&2
  exit 1
fi
"$bin" --version | grep -q "commit $commit" || { echo "package.sh: the binary does not report commit $commit" >&2; exit 1; }

out="$work/$name"
mkdir -p "$out/bin" "$out/licenses"
cp "$bin" "$out/bin/sheetlint"
strip "$out/bin/sheetlint" 2>/dev/null || true
cp -R "$src/rules" "$src/docs" "$src/README.md" "$out/"
[ -f "$src/LICENSE" ] && cp "$src/LICENSE" "$out/LICENSE"
# Every package linked into the binary brings its licence; one without a licence file stops
# the packaging rather than ship it unlicensed.
for dep in "$scratch"/checkouts/*/; do
  dep_name=$(basename "$dep")
  dep_license=$(ls "$dep" | grep -E -i -m 1 '^(LICENSE|LICENCE|COPYING)(\.txt|\.md)?$' || true)
  [ -n "$dep_license" ] || { echo "package.sh: $dep_name has no licence file" >&2; exit 1; }
  cp "$dep/$dep_license" "$out/licenses/$dep_name.txt"
done
swift_license=$(dirname "$(dirname "$(command -v swift)")")/share/swift/LICENSE.txt
cp "$swift_license" "$out/licenses/swift-runtime-and-foundation.txt"
cat > "$out/VERSION" <<TXT
sheetlint $version
commit $commit
built $(date -u +%Y-%m-%dT%H:%M:%SZ) with $(swift --version 2>/dev/null | head -n 1)
TXT

mkdir -p dist
tar -C "$work" -czf "dist/$name.tar.gz" "$name"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "dist/$name.tar.gz"
ldd "$out/bin/sheetlint" | sed 's/^/  ldd: /'

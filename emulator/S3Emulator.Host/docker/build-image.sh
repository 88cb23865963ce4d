#!/usr/bin/env bash
# Builds the emulator's image s3emulator:local without a registry:
#   1. the base s3emulator-base:local (build-base.sh), when it is missing;
#   2. the host, published self-contained (ReadyToRun) for linux-x64 into artifacts/s3emulator-image/app (the build context);
#   3. docker build of emulator/S3Emulator.Host/Dockerfile on that base.
# Idempotent and quick when nothing changed: the host is published again only when one of its sources is newer than
# the last publish (FORCE_PUBLISH=1 forces it), and Docker reuses its cached layers. Prints the image's size.
#
# Environment: IMAGE (default s3emulator:local), BASE_IMAGE (default s3emulator-base:local; a registry image such
# as mcr.microsoft.com/dotnet/runtime-deps:10.0 is used as it is, never built), CONFIGURATION (default Release).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
image="${IMAGE:-s3emulator:local}"
base="${BASE_IMAGE:-s3emulator-base:local}"
configuration="${CONFIGURATION:-Release}"
context="$repo/artifacts/s3emulator-image"

if ! docker image inspect "$base" >/dev/null 2>&1; then
  if [[ "$base" == "s3emulator-base:local" ]]; then
    echo "Building the base image $base from Debian packages..."
    "$here/build-base.sh" "$base"
  else
    echo "Using $base (pulled when missing)."
  fi
fi

# Published again only when a source of the host (or of what it references) changed since the last publish.
stamp="$context/published.stamp"
sources=(emulator/S3Emulator.Core emulator/S3Emulator.Server emulator/S3Emulator.Host fixtures/S3Emulator.Transforms
         Directory.Build.props Directory.Packages.props)
changed() {
  [[ ! -f "$stamp" ]] && return 0
  [[ -n "$(cd "$repo" && find "${sources[@]}" \( -name bin -o -name obj \) -prune -o -newer "$stamp" -print -quit)" ]]
}
if changed || [[ -n "${FORCE_PUBLISH:-}" ]]; then
  echo "Publishing the host for linux-x64 into $context/app..."
  # A clean folder: a file left from an earlier publish must not reach the image.
  rm -rf "$context/app"
  dotnet publish "$repo/emulator/S3Emulator.Host/S3Emulator.Host.csproj" -c "$configuration" -r linux-x64 --self-contained \
    -o "$context/app" -p:UseAppHost=true -p:PublishReadyToRun=true -p:GenerateDocumentationFile=false -p:DebugType=none -nologo -v quiet
  touch "$stamp"
else
  echo "The published host in $context/app is up to date."
fi

# Folders the image must have, owned by its user through COPY --chown (the official base lacks them).
rm -rf "$context/rootfs"
mkdir -p "$context/rootfs/data" "$context/rootfs/functions" "$context/rootfs/etc/s3emulator"

echo "Building $image on $base..."
# The legacy builder: what Debian's docker.io 20.10 has (a newer client would want buildx for BuildKit).
DOCKER_BUILDKIT=0 docker build -q --build-arg "BASE_IMAGE=$base" -t "$image" \
  -f "$repo/emulator/S3Emulator.Host/Dockerfile" "$context" >/dev/null

size=$(docker image inspect "$image" --format '{{.Size}}')
echo "$image: $((size / 1000000)) MB ($size bytes)"

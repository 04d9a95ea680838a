#!/usr/bin/env bash
# Makes the base images the Dockerfiles build on, locally, for machines that reach the Debian package mirror (and
# NuGet, npm) but no public image registry. Each is tagged under local/ and handed to the builds as build arguments
# (scripts/compose-stack-test.sh does; the public images stay the defaults for users):
#   local/debian:bookworm      debootstrap --variant=minbase of Debian bookworm      (DEBIAN_IMAGE)
#   local/dotnet-sdk:10.0      that + this machine's .NET SDK (/usr/share/dotnet)    (SDK_IMAGE)
#   local/dotnet-aspnet:10.0   that + this machine's .NET and ASP.NET Core runtimes  (ASPNET_IMAGE, RUNTIME_IMAGE)
#   local/node:bookworm        that + this machine's Node.js and npm                 (NODE_IMAGE)
# Usage: scripts/local-bases.sh            (DOCKER_HOST selects the daemon; images already present are kept)
# Needs: root, debootstrap, docker; the Debian mirror is the one this machine's apt uses.
set -euo pipefail

mirror="$(grep -h -o -E '^(URIs:|deb) +https?://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
  /etc/apt/sources.list.d/*.list 2>/dev/null | grep -v -- '-security' | head -1 | awk '{print $2}' || true)"
mirror="${VESITING_DEBIAN_MIRROR:-${mirror:-http://deb.debian.org/debian}}"
dotnet_root="${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}"
work="$(mktemp -d /tmp/vesiting-bases.XXXXXX)"
trap 'rm -rf "$work"' EXIT

have() { docker image inspect "$1" >/dev/null 2>&1; }

if ! have local/debian:bookworm; then
  echo "local/debian:bookworm: debootstrap from $mirror"
  # The .NET runtime's own needs (ICU, OpenSSL, CA certificates) go into the base, so no image needs apt for them.
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata bookworm "$work/rootfs" "$mirror" \
    >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  # This machine's own certificate authorities (e.g. a TLS-inspecting egress to NuGet and npm) are trusted inside the
  # local bases as they are on the host; the public images never see them.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$work/rootfs/usr/local/share/ca-certificates/"
    chroot "$work/rootfs" update-ca-certificates >/dev/null
  fi
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
  tar -C "$work/rootfs" -c . | docker import --change 'CMD ["bash"]' - local/debian:bookworm >/dev/null
  rm -rf "$work/rootfs"
fi

# A local image from local/debian:bookworm and one folder of this machine ($2, the build context).
derive() {
  local tag="$1" context="$2" dockerfile="$3"
  have "$tag" && return 0
  echo "$tag: from $context"
  DOCKER_BUILDKIT=0 docker build -q -t "$tag" -f - "$context" <<<"$dockerfile" >"$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; return 1; }
}

derive local/dotnet-sdk:10.0 "$dotnet_root" '
FROM local/debian:bookworm
COPY . /usr/share/dotnet/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_RUNNING_IN_CONTAINER=true'

mkdir -p "$work/runtime"
cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/shared" "$work/runtime/"
derive local/dotnet-aspnet:10.0 "$work/runtime" '
FROM local/debian:bookworm
COPY . /usr/share/dotnet/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet DOTNET_RUNNING_IN_CONTAINER=true ASPNETCORE_HTTP_PORTS=8080'

node="$(readlink -f "$(command -v node)")"
npm_dir="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
mkdir -p "$work/node/bin" "$work/node/lib/node_modules"
cp -a "$node" "$work/node/bin/node"
cp -a "$npm_dir" "$work/node/lib/node_modules/npm"
derive local/node:bookworm "$work/node" '
FROM local/debian:bookworm
COPY . /usr/local/
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && node --version && npm --version'
docker image ls 'local/*'

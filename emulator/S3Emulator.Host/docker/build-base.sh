#!/usr/bin/env bash
# Builds the image s3emulator-base:local without a registry: a root file system of just what a self-contained
# .NET application needs at run time (the equivalent of mcr.microsoft.com/dotnet/runtime-deps), unpacked from
# the machine's own Debian packages and imported with `docker import`. No shell, no package manager: the
# emulator's image runs one executable as a non-root user.
#
# Usage (as root, or a user that may run apt-get download and docker): build-base.sh [tag]
#
# What is in it, and why:
#   libc6 libgcc-s1 libstdc++6   the runtime's own native code (coreclr, the host, System.Native)
#   libssl3                      TLS (Kestrel's HTTPS, HttpClient), X.509 certificates, AES/RSA for encryption
#   zlib1g                       kept from runtime-deps' list; small
#   ca-certificates              the Mozilla roots, bundled into /etc/ssl/certs/ca-certificates.crt (its postinst
#                                would do that; dpkg-deb -x does not run it), for outbound HTTPS to function URLs
#   tzdata                       TimeZoneInfo
# Not libicu72 (36 MB unpacked): the image runs with DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true, S3 compares and
# sorts by bytes (the project publishes invariant). Measured alternative: debootstrap --variant=minbase bookworm
# took 122 s and 206 MB here, against ~3 s and 14 MB for this.
set -euo pipefail

tag="${1:-s3emulator-base:local}"
if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
  echo "build-base.sh needs a Debian 12 machine (apt-get, dpkg-deb). Elsewhere build the image on the official base:" >&2
  echo "  BASE_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0 emulator/S3Emulator.Host/docker/build-image.sh" >&2
  exit 1
fi
uid=10001
user=s3emulator
packages=(libc6 libgcc-s1 libstdc++6 libssl3 zlib1g ca-certificates tzdata)

work="$(mktemp -d /tmp/s3emulator-base.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# apt-get download drops privileges to _apt where it can: let it write here.
chmod 755 "$work"
mkdir -m 777 "$work/debs"
root="$work/rootfs"
mkdir "$root"

download() { (cd "$work/debs" && apt-get download -q "${packages[@]}") >/dev/null; }
if ! download 2>/dev/null; then
  # A fresh machine may not have the package lists yet.
  apt-get update -q >/dev/null
  download
fi

for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$root"
done

# What the runtime never reads: documentation, translations of C library messages, iconv's character sets.
rm -rf "$root"/usr/share/{doc,man,info,lintian,locale} "$root"/usr/lib/x86_64-linux-gnu/gconv \
       "$root"/usr/share/gcc "$root"/usr/share/gdb "$root"/usr/sbin "$root"/sbin "$root"/usr/bin "$root"/bin \
       "$root"/etc/ssl/certs 2>/dev/null || true

# Debian 12's packages still install under /lib; every loader path is valid either way, but the dynamic
# linker's cache makes lookups independent of compiled-in defaults.
mkdir -p "$root/etc"
ldconfig -r "$root" 2>/dev/null || true

# The CA bundle, as update-ca-certificates would write it, at the paths OpenSSL looks in by default.
mkdir -p "$root/etc/ssl/certs" "$root/usr/lib/ssl"
find "$root/usr/share/ca-certificates" -name '*.crt' -print0 | sort -z | xargs -0 cat > "$root/etc/ssl/certs/ca-certificates.crt"
ln -s /etc/ssl/certs "$root/usr/lib/ssl/certs"
ln -s /etc/ssl/certs/ca-certificates.crt "$root/usr/lib/ssl/cert.pem"
rm -rf "$root/usr/share/ca-certificates"

# Users: root, and the emulator's own non-root user; nsswitch so that getpwuid finds them in files.
cat > "$root/etc/passwd" <<EOF
root:x:0:0:root:/root:/sbin/nologin
$user:x:$uid:$uid:S3 emulator:/home/$user:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
EOF
cat > "$root/etc/group" <<EOF
root:x:0:
$user:x:$uid:
nogroup:x:65534:
EOF
echo 'passwd: files
group: files
hosts: files dns' > "$root/etc/nsswitch.conf"
ln -sf /usr/share/zoneinfo/Etc/UTC "$root/etc/localtime"

mkdir -p -m 1777 "$root/tmp"
mkdir -p -m 700 "$root/root"
mkdir -p "$root/home/$user" "$root/data" "$root/functions" "$root/etc/s3emulator"
chown "$uid:$uid" "$root/home/$user" "$root/data" "$root/functions"
chmod 755 "$root"

tar --numeric-owner -C "$root" -c . | docker import \
  -c "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  -c "ENV APP_UID=$uid" \
  -m "s3emulator base: Debian 12 libraries for a self-contained .NET application" \
  - "$tag" >/dev/null
docker image ls "$tag" --format '{{.Repository}}:{{.Tag}} {{.Size}}'

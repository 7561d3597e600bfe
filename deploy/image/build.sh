#!/usr/bin/env bash
# Builds the oms container image without a Docker daemon: one image for every service (the command picks it), FROM
# scratch with a jlink runtime, the C libraries it links against, and oms.jar; it runs as a non-root user.
#   deploy/image/build.sh [TAG]     (default oms:latest; needs jlink, ldd and buildah; builds oms.jar if missing)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tag="${1:-oms:latest}"
work="$(mktemp -d "${TMPDIR:-/tmp}/oms-image.XXXX")"
trap 'rm -rf "$work"' EXIT

jar="$root/app/target/oms.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -q -B -DskipTests package) >&2
fi

# The modules oms needs: the JDK's own, Spring's (desktop for java.beans), Kafka's (security, management),
# the JDK HTTP server (management and command ports), and JFR for profiling in place.
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management,\
java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,\
java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.management,\
jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs

rootfs="$work/rootfs"
mkdir -p "$rootfs/opt/oms" "$rootfs/tmp" "$rootfs/etc"
chmod 1777 "$rootfs/tmp"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$rootfs/opt/oms/jre"
cp "$jar" "$rootfs/opt/oms/oms.jar"

# The runtime's C libraries and the dynamic loader, at the paths it was linked against.
for lib in $( (ldd "$rootfs/opt/oms/jre/bin/java"; find "$rootfs/opt/oms/jre/lib" -name '*.so' -exec ldd {} \;) \
    | grep -o '/[^ ]*' | grep -v "$rootfs" | sort -u); do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done
for loader in /lib64/ld-linux-x86-64.so.2 /lib/ld-linux-aarch64.so.1; do
  [ -e "$loader" ] && mkdir -p "$rootfs$(dirname "$loader")" && cp -L "$loader" "$rootfs$loader"
done
echo "oms:x:65532:65532:oms:/tmp:/sbin/nologin" > "$rootfs/etc/passwd"
echo "oms:x:65532:" > "$rootfs/etc/group"

cat > "$work/Containerfile" <<'CONTAINERFILE'
FROM scratch
COPY rootfs/ /
USER 65532:65532
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" HOME=/tmp
ENTRYPOINT ["/opt/oms/jre/bin/java", "-jar", "/opt/oms/oms.jar"]
CMD ["--help"]
CONTAINERFILE
buildah bud --quiet --layers=false -t "$tag" -f "$work/Containerfile" "$work" >/dev/null
size=$(buildah inspect --format '{{.FromImageID}}' "$tag" >/dev/null 2>&1; podman image inspect "$tag" --format '{{.Size}}' 2>/dev/null || echo "?")
echo "built $tag ($(( ${size:-0} / 1024 / 1024 )) MiB)"

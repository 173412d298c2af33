#!/usr/bin/env bash
# install.deb: `cpack -G DEB` makes a .deb holding exactly expected-files.txt
# under /usr, whose Depends name Debian's libraries and Recommends dkms; the
# tools unpacked from it run; its postinst and prerm register and remove the
# module with DKMS (run here against a stand-in dkms that records its calls:
# the host's DKMS tree is left alone), and without dkms only say how.
#   deb.sh BUILD_DIR
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "install.deb: FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/out" > "$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB failed"; }
debs=("$tmp"/out/inxpect_*.deb)
[ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] || fail "cpack made no single inxpect_*.deb"
deb=${debs[0]}

dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $NF }' | sed 's|^\./usr/||' | sort > "$tmp/packed.txt"
diff -u "$here/expected-files.txt" "$tmp/packed.txt" || fail "the .deb's files differ from expected-files.txt"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for package in libbpf1 libclang-cpp19 libllvm19 libelf1 libpcap0.8 libcivetweb1 \
               libprometheus-cpp-core1.0 libncursesw6 libclang-common-19-dev; do
  grep -Eq "(^|, )$package( |,|$)" <<< "$depends" || fail "Depends lacks $package"
done
recommends=$(dpkg-deb -f "$deb" Recommends)
grep -Eq "(^|, )dkms(,|$)" <<< "$recommends" || fail "Recommends lacks dkms: $recommends"
suggests=$(dpkg-deb -f "$deb" Suggests)
grep -Eq "(^|, )qemu-system-x86(,|$)" <<< "$suggests" ||
  fail "Suggests lacks qemu-system-x86 (compare --deterministic): $suggests"

dpkg-deb -x "$deb" "$tmp/root"
"$tmp/root/usr/bin/inxpect-instrument" --version > "$tmp/version.txt" ||
  fail "the packed inxpect-instrument --version failed"
grep -q "inxpect" "$tmp/version.txt" || fail "inxpect-instrument --version does not name inxpect"
"$tmp/root/usr/bin/inxpect-run" --version | grep -q "inxpect" || fail "the packed inxpect-run --version failed"
"$here/deb-maintainer-scripts.sh" "$deb" "$tmp/scripts"
echo "install.deb: PASS"

#!/usr/bin/env bash
# Part of install.deb: the .deb's postinst and prerm, run against a stand-in
# dkms on PATH that records its calls, then with no dkms at all.
#   deb-maintainer-scripts.sh DEB SCRATCH_DIR
set -euo pipefail
deb=$1 tmp=$2
fail() { echo "install.deb: FAIL: $*" >&2; exit 1; }
mkdir -p "$tmp"
version=$(dpkg-deb -f "$deb" Version)
dpkg-deb -e "$deb" "$tmp/control"
for script in postinst prerm; do
  [ -x "$tmp/control/$script" ] || fail "the .deb has no executable $script"
  sh -n "$tmp/control/$script" || fail "$script is not valid sh"
done

# A PATH of its own: what the scripts need from the system, and a dkms
# (the host's is in /usr/sbin, which stays out) only where a case wants one.
mkdir "$tmp/bin"
for tool in grep uname; do ln -s "$(command -v $tool)" "$tmp/bin/$tool"; done
# fake_dkms STATUS_OUTPUT FAILING_VERB: records "$@", prints STATUS_OUTPUT for
# `dkms status`, fails for FAILING_VERB.
fake_dkms() {
  mkdir -p "$tmp/fake" && rm -f "$tmp/calls"
  cat > "$tmp/fake/dkms" <<FAKE
#!/bin/sh
echo "\$*" >> "$tmp/calls"
[ "\$1" = status ] && { printf '%s' '$1'; exit 0; }
[ "\$1" = '$2' ] && exit 10
exit 0
FAKE
  chmod +x "$tmp/fake/dkms"
}
run() { # run SCRIPT ARG [WITH_DKMS]: its output in $tmp/out
  local path=$tmp/bin
  [ "${3:-}" = with_dkms ] && path=$tmp/fake:$path
  env -i PATH="$path" /bin/sh "$tmp/control/$1" "$2" > "$tmp/out" 2>&1 ||
    { cat "$tmp/out" >&2; fail "$1 $2 exited non-zero"; }
}
calls() { cat "$tmp/calls" 2>/dev/null || true; }

fake_dkms "" none
run postinst configure with_dkms
expected="status -m inxpect -v $version
add -m inxpect -v $version
build -m inxpect -v $version
install -m inxpect -v $version"
[ "$(calls)" = "$expected" ] || fail "postinst configure called dkms as: $(calls)"

fake_dkms "inxpect/$version: added" none
run postinst configure with_dkms
! grep -q "^add" "$tmp/calls" || fail "postinst added the module again: $(calls)"
grep -q "^install -m inxpect -v $version" "$tmp/calls" || fail "postinst did not install an added module"

fake_dkms "" build
run postinst configure with_dkms
grep -q "did not build for .*dkms install inxpect/$version" "$tmp/out" ||
  fail "a failed build gave no note: $(cat "$tmp/out")"
! grep -q "^install" "$tmp/calls" || fail "postinst installed a module that did not build"

run postinst configure
grep -q "dkms is not installed.*/usr/src/inxpect-$version.*dkms install inxpect/$version" "$tmp/out" ||
  fail "without dkms postinst said: $(cat "$tmp/out")"
[ "$(wc -l < "$tmp/out")" = 1 ] || fail "without dkms postinst said more than a note: $(cat "$tmp/out")"

fake_dkms "" none
run postinst abort-upgrade with_dkms
[ -z "$(calls)" ] || fail "postinst abort-upgrade called dkms: $(calls)"

fake_dkms "inxpect/$version, 6.1.0-28-amd64, x86_64: installed" none
run prerm remove with_dkms
[ "$(calls | tail -1)" = "remove -m inxpect -v $version --all" ] || fail "prerm remove called dkms as: $(calls)"
fake_dkms "" none
run prerm remove with_dkms
! grep -q "^remove" "$tmp/calls" || fail "prerm removed a module DKMS does not have"
run prerm remove
[ ! -s "$tmp/out" ] || fail "prerm without dkms said: $(cat "$tmp/out")"
echo "maintainer scripts: dkms add, build, install on configure; remove on remove; a note without dkms"

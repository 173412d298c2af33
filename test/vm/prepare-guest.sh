# Sourced by the VM tests (run.sh, libxdp.sh) once `fail`, `build`, `here`
# and `work` are set: a fresh work directory, Debian's kernel in
# build/vm-cache (its KVER and paths from kernel.env), and the inxpect
# module built for it by DKMS into $work/kmod.
rm -rf "$work" && mkdir -p "$work"
"$here/fetch-kernel.sh" "$build/vm-cache" > "$work/fetch.log" 2>&1 ||
  fail "cannot fetch Debian's kernel (see $work/fetch.log)"
# shellcheck source=/dev/null
. "$build/vm-cache/kernel.env"

echo "== module, built by DKMS for $KVER with BTF"
"$here/build-module.sh" "$build/vm-cache" "$work/kmod" 2> "$work/build-module.err" ||
  fail "$(cat "$work/build-module.err")"

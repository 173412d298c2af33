"""scripts/adopt-check.py on a small directory of the e2e programs: one XDP
program (drop, parser), three in one file (firewall), one that is not GPL
(bsd_licensed), one the verifier refuses as it is (too_complex) and one that
does not compile (broken.c, written here). Then the same directory through an
instrumenter whose rewrite passes where the original drops: the check must see
the difference and fail. Needs root (it loads BPF); with CI=true a missing
privilege fails instead of skipping."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROGRAMS = os.path.join(HERE, "programs")
BIN = os.path.abspath(sys.argv.pop(1) if len(sys.argv) > 1 and os.path.isdir(sys.argv[1])
                      else os.path.join(ROOT, "build", "bin"))
CHECK = os.path.join(ROOT, "scripts", "adopt-check.py")
MODES = ["annotations", "per-function", "per-loop", "both"]


def needs_root(test):
    if os.geteuid() == 0:
        return test
    if os.environ.get("CI"):
        raise RuntimeError("adopt-check loads BPF programs and must run as root in CI")
    return unittest.skip("adopt-check loads BPF programs: run as root")(test)


class AdoptCheckTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="inxpect-adopt-test-")
        for name in ("drop.c", "parser.c", "firewall.c", "bsd_licensed.c", "too_complex.c",
                     "e2e_count.h", "e2e_need.h", "e2e_manual_trace.h"):
            shutil.copy(os.path.join(PROGRAMS, name), cls.dir)
        with open(os.path.join(cls.dir, "broken.c"), "w") as f:
            f.write("int xdp_broken(struct xdp_md *ctx) { return ctx->nope; }\n")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def check(self, bin_dir, *extra):
        done = subprocess.run([sys.executable, "-B", CHECK, self.dir, "--bin", bin_dir, "--synthetic", "60",
                               *extra, "--", "-DE2E_UNINSTRUMENTED"], capture_output=True, text=True)
        return done.returncode, done.stdout, done.stderr

    @needs_root
    def test_every_mode_of_the_programs_that_load_is_the_same(self):
        code, out, err = self.check(BIN, "--json")
        self.assertEqual(code, 0, out + err)
        results = {r["file"]: r for r in json.loads(out)}
        self.assertEqual(sorted(results), ["broken.c", "bsd_licensed.c", "drop.c", "firewall.c",
                                           "parser.c", "too_complex.c"])
        self.assertTrue(results["broken.c"]["original"].startswith("does not compile: "))
        self.assertIn("too complex", results["too_complex.c"]["original"])
        self.assertEqual(results["too_complex.c"]["modes"], {})
        for name in ("drop.c", "parser.c", "firewall.c", "bsd_licensed.c"):
            self.assertEqual(results[name]["original"], "ok")
            self.assertEqual(list(results[name]["modes"]), MODES)
            for mode, row in results[name]["modes"].items():
                self.assertEqual([row["instrument"], row["compile"], row["verify"], row["same"]],
                                 [True] * 4, f"{name} {mode}: {row}")
                for p in row["programs"]:
                    self.assertGreater(p["original_verified_insns"], 0)
                    self.assertGreater(p["instrumented_verified_insns"], 0)
        programs = [p["name"] for p in results["firewall.c"]["modes"]["per-function"]["programs"]]
        self.assertEqual(len(programs), 3, programs)
        # Functions as sections cost the verifier more than the original.
        parser = results["parser.c"]["modes"]["per-function"]["programs"][0]
        self.assertGreater(parser["instrumented_verified_insns"], parser["original_verified_insns"])

    @needs_root
    def test_the_table_has_a_row_a_file_and_mode(self):
        code, out, err = self.check(BIN)
        self.assertEqual(code, 0, out + err)
        lines = out.splitlines()
        self.assertTrue(lines[0].startswith("file"))
        self.assertEqual(len(lines), 1 + 4 * 4 + 2 + 2, out)
        self.assertTrue(any(l.startswith("broken.c") and "original fails: does not compile" in l
                            for l in lines), out)
        drop = [l for l in lines if l.startswith("drop.c") and " per-function " in l][0]
        self.assertRegex(drop, r"yes\s+yes\s+yes\s+yes\s+xdp_drop \d+->\d+ \(\d+\.\dx\)")

    @needs_root
    def test_a_rewrite_that_behaves_differently_fails_the_check(self):
        # An instrumenter whose output passes the packets the original drops.
        fake = tempfile.mkdtemp(prefix="inxpect-adopt-fake-")
        try:
            with open(os.path.join(fake, "inxpect-instrument"), "w") as f:
                f.write("#!/bin/sh\nset -e\n" + os.path.join(BIN, "inxpect-instrument") + " \"$@\"\n"
                        "while [ \"$1\" != -o ]; do shift; done\n"
                        "sed -i 's/return XDP_DROP;/return XDP_PASS;/' \"$2\"\n")
            os.chmod(os.path.join(fake, "inxpect-instrument"), 0o755)
            os.symlink(os.path.join(BIN, "inxpect-same-behaviour"), os.path.join(fake, "inxpect-same-behaviour"))
            code, out, err = self.check(fake, "--json")
        finally:
            shutil.rmtree(fake)
        self.assertEqual(code, 1, out + err)
        drop = {r["file"]: r for r in json.loads(out)}["drop.c"]["modes"]["annotations"]
        self.assertTrue(drop["verify"])
        self.assertFalse(drop["same"])
        self.assertIn("xdp_drop: packet 0: verdict 1 against 2", drop["why"])


if __name__ == "__main__":
    unittest.main()

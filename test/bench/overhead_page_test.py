"""The guest's figures by counter on a small fixture: bench/overhead_kfunc.py
folds the runs with the kernel module in as +kfunc variants without touching
the others, and bench/overhead_page.py takes each run's overheads over that
run's own bare. One example, figures in instructions (1000 MHz, shift 0)."""
import copy
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))
import overhead_kfunc  # noqa: E402
import overhead_page  # noqa: E402


def variant(name, kind, median, sample_every=None):
    return {"name": name, "kind": kind, "sample_every": sample_every, "ns": [median] * 3,
            "kernel_ns": [round(median)] * 3, "median_ns": median}


def run(counter, fenced, bare, floor, entry1, entry16, fentry=None):
    variants = [variant("bare", "bare", bare), variant("floor", "floor", floor)]
    if fentry:
        variants.append(variant("fentry-fexit", "fentry-fexit", fentry))
    variants += [variant("entry@1", "entry", entry1, 1), variant("entry@16", "entry", entry16, 16)]
    checks = {"floor": {"count": 3, "runs": 3, "reported_ns": 1.0}, "entry": {"runs": 6, "counted_runs": 6}}
    return {"step": "overhead", "repeat": 1, "rounds": 3, "counter": counter, "fenced": fenced,
            "examples": [{"name": "drop", "restored": False, "checks": checks, "fentry_fexit_error": "",
                          "variants": variants}]}


def guest():
    data = run("clock", False, 60, 188, 416, 136, fentry=474)
    # The module's runs time their own bare, one instruction off here: the
    # overheads must be taken over it.
    data["module_runs"] = [run("kfunc", False, 61, 111, 346, 132), run("kfunc", True, 61, 119, 354, 133)]
    data["vm"] = {"kernel": "6.1.0-57-amd64", "tsc_mhz": 1000.0, "icount_shift": 0}
    return data


class FoldTest(unittest.TestCase):
    def test_adds_the_module_runs_as_suffixed_variants(self):
        before = guest()
        folded = overhead_kfunc.fold(copy.deepcopy(before))
        ex, clock = folded["examples"][0], before["examples"][0]
        self.assertNotIn("module_runs", folded)
        self.assertEqual(ex["variants"][:5], clock["variants"])  # the clock's, as they were
        added = {v["name"]: v for v in ex["variants"][5:]}
        self.assertEqual(list(added), ["bare+kfunc", "floor+kfunc", "entry@1+kfunc", "entry@16+kfunc",
                                       "bare+kfunc-fenced", "floor+kfunc-fenced", "entry@1+kfunc-fenced",
                                       "entry@16+kfunc-fenced"])
        self.assertEqual((added["entry@1+kfunc"]["kind"], added["entry@1+kfunc"]["counter"],
                          added["entry@1+kfunc"]["fenced"]), ("entry", "kfunc", False))
        self.assertTrue(added["floor+kfunc-fenced"]["fenced"])
        self.assertEqual(sorted(ex["checks"]), ["entry", "entry+kfunc", "entry+kfunc-fenced",
                                                "floor", "floor+kfunc", "floor+kfunc-fenced"])

    def test_refuses_a_module_run_that_read_the_clock(self):
        data = guest()
        data["module_runs"][0]["counter"] = "clock"
        with self.assertRaises(SystemExit):
            overhead_kfunc.fold(data)


class PageTest(unittest.TestCase):
    def setUp(self):
        self.data = {"examples": [], "guest": overhead_kfunc.fold(guest())}

    def test_target_takes_each_run_over_its_own_bare(self):
        target, goal, result, status, why = overhead_page.kfunc_target(self.data)
        # (346 - 61) / (111 - 61) = 5.70x; fenced (354 - 61) / (119 - 61) = 5.05x
        self.assertIn("worst 5.70x (drop 5.70x)", result)
        self.assertIn("fenced worst 5.05x", result)
        self.assertEqual(status, "missed")
        self.assertIn("floor (two reads and the add) costs 50 instructions against the clock's 128", why)
        self.assertIn("adds 235 beyond it (228 with the clock)", why)

    def test_target_met_within_the_goal(self):
        entry = next(v for v in self.data["guest"]["examples"][0]["variants"] if v["name"] == "entry@1+kfunc")
        entry["median_ns"] = 61 + 55  # 1.10x the floor's 50
        self.assertEqual(overhead_page.kfunc_target(self.data)[3:], ("met", ""))

    def test_no_target_without_the_module_runs(self):
        self.data["guest"] = run("clock", False, 60, 188, 416, 136, fentry=474)
        self.assertIsNone(overhead_page.kfunc_target(self.data))

    def test_section_has_a_row_per_counter(self):
        rows = [line for line in overhead_page.kfunc_section(self.data["guest"]) if line.startswith("| drop")]
        self.assertEqual(rows, ["| drop | clock | 60 | 128 | 356 | 76 | 2.78x | 228 |",
                                "| drop | kfunc | 61 | 50 | 285 | 71 | 5.70x | 235 |",
                                "| drop | kfunc, fenced | 61 | 58 | 293 | 72 | 5.05x | 235 |"])


if __name__ == "__main__":
    unittest.main()

#!/usr/bin/env python3
"""Runs every corpus program through the CPython+NumPy reference harness and diffs the result
against the expected files (`name.out`, `name.err`, exit status 1 iff `name.err` exists).

  python3 check_corpus.py [--update] [--corpus DIR] [SUBSTRING...]

The corpus is copied to a temporary directory and each program runs there with its path relative
to the corpus root (the same path the JUnit runner passes), so files a program writes do not land
in the source tree. `name.args` (optional) holds the program's arguments, one per line.

--update writes `.out`/`.err` from the harness for programs that are not listed in
KNOWN_DIFFERENCES.md (those expectations are written by hand because the spec fixes a behaviour
CPython+NumPy does not have). Programs listed there are still run and their disagreement shown
as "known", so a reader can check that the difference is only the documented one.
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "src", "test", "resources", "corpus")


def known_differences():
    known = {}
    path = os.path.join(HERE, "KNOWN_DIFFERENCES.md")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            m = re.match(r"^- `([^`]+\.vl)`\s*[—-]*\s*(.*)", line)
            if m:
                known[m.group(1)] = m.group(2).strip()
    return known


def programs(root):
    out = []
    for d, _, files in os.walk(root):
        for f in files:
            if f.endswith(".vl"):
                out.append(os.path.relpath(os.path.join(d, f), root).replace(os.sep, "/"))
    return sorted(out)


def read(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def run(work, rel):
    args_file = os.path.join(work, rel[:-3] + ".args")
    args = []
    if os.path.exists(args_file):
        args = read(args_file).split("\n")
        if args and args[-1] == "":
            args.pop()
    p = subprocess.run([sys.executable, os.path.join(HERE, "vecl_ref.py"), rel] + args, cwd=work,
                       capture_output=True, timeout=120)
    return p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p.returncode


def diff(name, want, got):
    return "".join(difflib.unified_diff((want or "").splitlines(True), got.splitlines(True),
                                        "expected " + name, "harness " + name))


def main(argv):
    update = "--update" in argv
    argv = [a for a in argv if a != "--update"]
    root = DEFAULT_CORPUS
    if "--corpus" in argv:
        i = argv.index("--corpus")
        root = argv[i + 1]
        del argv[i:i + 2]
    root = os.path.abspath(root)
    filters = argv
    known = known_differences()
    work = tempfile.mkdtemp(prefix="vecl-corpus-")
    shutil.copytree(root, work, dirs_exist_ok=True)
    bad, known_bad, ok = [], [], 0
    try:
        for rel in programs(root):
            if filters and not any(f in rel for f in filters):
                continue
            out, err, rc = run(work, rel)
            base = os.path.join(root, rel[:-3])
            want_out, want_err = read(base + ".out"), read(base + ".err")
            if update and rel not in known:
                with open(base + ".out", "w", encoding="utf-8", newline="") as f:
                    f.write(out)
                if rc == 1:
                    with open(base + ".err", "w", encoding="utf-8", newline="") as f:
                        f.write(err)
                elif os.path.exists(base + ".err"):
                    os.remove(base + ".err")
                if rc not in (0, 1):
                    bad.append((rel, "harness exit %d\n%s" % (rc, err)))
                else:
                    ok += 1
                continue
            want_rc = 1 if want_err is not None else 0
            problems = []
            if want_out is None:
                problems.append("missing %s.out" % rel[:-3])
            elif out != want_out:
                problems.append(diff("stdout", want_out, out))
            if (want_err or "") != err:
                problems.append(diff("stderr", want_err, err))
            if rc != want_rc:
                problems.append("exit status: expected %d, harness %d" % (want_rc, rc))
            if problems:
                (known_bad if rel in known else bad).append((rel, "\n".join(problems)))
            else:
                ok += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for rel, text in known_bad:
        print("KNOWN  %s  (%s)\n%s" % (rel, known[rel], text))
    for rel, text in bad:
        print("FAIL   %s\n%s" % (rel, text))
    stale = [k for k in known if not os.path.exists(os.path.join(root, k))]
    for k in stale:
        print("STALE  %s is listed in KNOWN_DIFFERENCES.md but does not exist" % k)
    print("%d agree, %d known differences, %d disagree%s" % (ok, len(known_bad), len(bad),
                                                             " (updated)" if update else ""))
    return 1 if bad or stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

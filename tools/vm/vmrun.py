#!/usr/bin/env python3
"""Unitron VM runner core: supervise QEMU, scan the kernel console, turn the
guest's TAP into one host TAP stream.

    vmrun.py run --console LOG --tap LOG --name NAME --timeout SEC \
                 [--tap-out FILE] [--verbose] -- qemu-system-x86_64 ARGS...
    vmrun.py scan LOG...

Normally called by tools/vm/run.sh. The guest side (tools/vm/guest/) writes
its TAP to the second serial port and "unitron-vm: ..." markers to /dev/kmsg,
which the kernel prints on the console (first serial port) in order with its
own messages. Kernel errors seen on the console between "case-begin X" and
"case-end X" are failures of case X.

`scan` prints the kernel errors found in console logs and exits 1 if any
(0 if the logs are clean): the console scanner on its own, for tests.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import time

# --- Console scanner ------------------------------------------------------

# (kind, regexp) in priority order: a line gets the first kind that matches.
ISSUE_PATTERNS = [
    ("Kernel panic", r"Kernel panic - not syncing"),
    ("soft lockup", r"\bsoft lockup\b"),
    ("hard LOCKUP", r"\bhard LOCKUP\b"),
    ("RCU stall", r"\brcu_\w+ (?:self-)?detected (?:expedited )?stalls?\b"
                  r"|\bINFO: rcu\w* (?:self-)?detected stall"),
    ("hung task", r"\bblocked for more than \d+ seconds"),
    ("Oops", r"\bOops: |\bOops\b.*\[#\d+\]|\bgeneral protection fault\b"
             r"|\binvalid opcode: |\bdouble fault: |\bstack segment: "),
    ("BUG", r"\bBUG: |\bkernel BUG at\b|\bBUG kmalloc-|"
            r"\bUBSAN: |\bKASAN: |\bKCSAN: "),
    ("WARNING", r"\bWARNING: "),
    ("unexpected reboot", r"\breboot: Restarting system\b"),
]
_ISSUE_RES = [(k, re.compile(r)) for k, r in ISSUE_PATTERNS]
# Lines that quote user input: never issues.
_IGNORE_RE = re.compile(r"[Cc]ommand line: |unitron-vm: ")
_BANNER_RE = re.compile(r"\bLinux version \d")
_MARKER_RE = re.compile(r"unitron-vm: (\S+)(?: (.*))?$")
_END_TRACE_RE = re.compile(r"---\[ end (?:trace|Kernel panic)")
CONTEXT_LINES = 24


def classify(line):
    """Return the issue kind of one console line, or None."""
    if _IGNORE_RE.search(line):
        return None
    for kind, rx in _ISSUE_RES:
        if rx.search(line):
            return kind
    return None


def clean_line(raw):
    """Decode and strip a console line (CR, other control characters)."""
    text = raw.decode("utf-8", "replace").rstrip("\r\n")
    text = text.replace("\r", "")
    return "".join(c for c in text if c == "\t" or c >= " ")


class Issue:
    def __init__(self, kind, index, phase):
        self.kinds = [kind]
        self.index = index      # console line index (0-based)
        self.phase = phase      # case name, or "boot", "run", "shutdown"
        self.end = index        # last console line of the context shown


class Console:
    """Accumulates console lines, tracks markers and scans for issues."""

    def __init__(self):
        self.lines = []
        self.issues = []
        # Where the guest is, per console markers: "boot", "run" (outside
        # cases), "shutdown", or the ordinal of the case running (0, 1...).
        self.phase = "boot"
        self.case = None        # ordinal of the case begun, not yet ended
        self.init_seen = False
        self.init_time = None
        self.run_end_rc = None
        self.cases = []         # case names, in order of case-begin
        self.ended = 0          # number of case-end markers seen
        self.banners = 0

    def feed(self, line, now=None):
        idx = len(self.lines)
        self.lines.append(line)
        m = _MARKER_RE.search(line)
        if m:
            self._marker(m.group(1), (m.group(2) or "").strip(), now)
        if _BANNER_RE.search(line):
            self.banners += 1
            if self.banners == 2:
                self._issue("unexpected reboot", idx)
        last = self.issues[-1] if self.issues else None
        kind = classify(line)
        if kind:
            # Part of the report that the last issue opened? Merge.
            if last and idx <= last.end and last.phase == self.phase:
                if kind not in last.kinds:
                    last.kinds.append(kind)
                last.end = max(last.end, min(idx + CONTEXT_LINES,
                                             last.index + 3 * CONTEXT_LINES))
            else:
                self._issue(kind, idx)
        elif last and last.index < idx <= last.end and \
                _END_TRACE_RE.search(line):
            last.end = idx

    def _issue(self, kind, idx):
        iss = Issue(kind, idx, self.phase)
        iss.end = idx + CONTEXT_LINES
        self.issues.append(iss)

    def _marker(self, what, arg, now):
        if what == "init":
            self.init_seen = True
            self.init_time = now
            self.phase = "run"
        elif what == "case-begin":
            self.case = len(self.cases)
            self.phase = self.case
            self.cases.append(arg)
        elif what == "case-end":
            self.ended += 1
            self.case = None
            self.phase = "run"
        elif what == "run-end":
            m = re.match(r"rc=(-?\d+)", arg)
            self.run_end_rc = int(m.group(1)) if m else -1
            self.phase = "shutdown"

    def issues_in(self, phase):
        return [i for i in self.issues if i.phase == phase]

    def context(self, iss):
        """The console lines shown for an issue."""
        out = []
        for i in range(iss.index, min(iss.end + 1, len(self.lines))):
            if i > iss.index and _MARKER_RE.search(self.lines[i]):
                break
            out.append(self.lines[i])
        return out


def scan_main(paths):
    found = 0
    for path in paths:
        con = Console()
        with open(path, "rb") as f:
            for raw in f:
                con.feed(clean_line(raw))
        for iss in con.issues:
            found += 1
            print("%s:%d: %s: %s" % (path, iss.index + 1,
                                     "/".join(iss.kinds),
                                     con.lines[iss.index].strip()))
    return 1 if found else 0


# --- TAP conversion -------------------------------------------------------

_TAP_RE = re.compile(r"^(not ok|ok)\b\s*(\d+)?\s*(?:-\s*)?(.*)$")
_PLAN_RE = re.compile(r"^1\.\.(\d+)\b(.*)$")


class Host:
    """Emits the host TAP stream."""

    def __init__(self, tap_out, logname):
        self.n = 0
        self.failed = 0
        self.tap_out = tap_out
        self.logname = logname

    def _write(self, stream, text):
        stream.write(text + "\n")
        stream.flush()
        if self.tap_out:
            self.tap_out.write(text + "\n")
            self.tap_out.flush()

    def comment(self, text):
        for line in text.split("\n"):
            self._write(sys.stdout, "# " + line if line else "#")

    def point(self, ok, desc, diag=(), directive=""):
        self.n += 1
        # A TODO point's failure is expected (TAP): it fails nothing.
        if not ok and not directive.upper().startswith("TODO"):
            self.failed += 1
        desc = desc.replace("#", "\\#")
        line = "%s %d - %s" % ("ok" if ok else "not ok", self.n, desc)
        if directive:
            line += " # " + directive
        self._write(sys.stdout, line)
        # Failure details on stderr, as Test::More does, so that prove
        # shows them without -v.
        for d in diag:
            self._write(sys.stderr if not ok else sys.stdout, "#   " + d)

    def plan(self):
        self._write(sys.stdout, "1..%d" % self.n)


def issue_diag(con, issues, logname, limit=4):
    diag = []
    for iss in issues[:limit]:
        diag.append("%s at %s:%d:" % ("/".join(iss.kinds), logname,
                                      iss.index + 1))
        diag.extend("  " + l for l in con.context(iss))
    if len(issues) > limit:
        diag.append("... and %d more kernel error(s), see %s"
                    % (len(issues) - limit, logname))
    return diag


class Runner:
    def __init__(self, args):
        self.args = args
        self.con = Console()
        self.host = Host(open(args.tap_out, "w") if args.tap_out else None,
                         args.console)
        self.pending = []           # guest TAP lines not yet processed
        self.tap_cases = []         # case names, in TAP case-begin order
        self.tap_case = None        # ordinal of the open case per TAP
        self.tap_ended = 0          # case-end lines processed
        self.points_since = 0       # guest points since last boundary
        self.lead_plan = None
        self.boot_done = False
        self.run_end_rc = None      # per the TAP stream
        self.block_since = None
        self.reported = set()       # case ordinals already judged
        self.start = time.monotonic()

    def case_name(self, k):
        if k < len(self.tap_cases):
            return self.tap_cases[k]
        if k < len(self.con.cases):
            return self.con.cases[k]
        return "case %d" % (k + 1)

    # One guest TAP line. Returns False if it must wait for the console
    # to catch up with it (a marker not yet seen there).
    def tap_line(self, line, final):
        con = self.con
        if line.startswith("# unitron-case-begin "):
            if not final and len(con.cases) <= len(self.tap_cases):
                return False
            self.boot_check(final)
            self.plan_boundary()
            self.tap_case = len(self.tap_cases)
            self.tap_cases.append(line.split(" ", 2)[2].strip())
            return True
        if line.startswith("# unitron-case-end"):
            if not final and con.ended <= self.tap_ended:
                return False
            self.boot_check(final)
            self.plan_boundary()
            self.tap_ended += 1
            if self.tap_case is not None:
                self.case_check(self.tap_case)
            self.tap_case = None
            return True
        if line.startswith("# unitron-run-end"):
            if not final and con.run_end_rc is None:
                return False
            m = re.search(r"rc=(-?\d+)", line)
            self.run_end_rc = int(m.group(1)) if m else -1
            self.boot_check(final)
            self.plan_boundary()
            return True
        self.boot_check(final)
        prefix = ""
        if self.tap_case is not None:
            prefix = self.case_name(self.tap_case) + ": "
        m = _TAP_RE.match(line)
        if m:
            ok = m.group(1) == "ok"
            rest = m.group(3)
            directive = ""
            dm = re.search(r"\s*#\s*((?:SKIP|TODO)\b.*)$", rest, re.I)
            if dm:
                directive = dm.group(1)
                rest = rest[:dm.start()]
            self.host.point(ok, prefix + (rest.strip() or "(no description)"),
                            directive=directive)
            self.points_since += 1
            return True
        m = _PLAN_RE.match(line)
        if m:
            want = int(m.group(1))
            if self.points_since > 0:
                self.check_plan(want)
                self.points_since = 0
            else:
                self.lead_plan = want
            return True
        if line.startswith("Bail out!"):
            self.host.point(False, prefix + line)
            return True
        if line.startswith("#"):
            self.host.comment(line[1:].lstrip())
            return True
        if line.strip() == "" or line.startswith("TAP version"):
            return True
        self.host.comment("| " + line)
        return True

    def check_plan(self, want):
        if self.points_since != want:
            prefix = ""
            if self.tap_case is not None:
                prefix = self.case_name(self.tap_case) + ": "
            self.host.point(False, "%splan: guest planned %d test(s), ran %d"
                            % (prefix, want, self.points_since))

    def plan_boundary(self):
        if self.lead_plan is not None:
            self.check_plan(self.lead_plan)
        self.lead_plan = None
        self.points_since = 0

    def boot_check(self, final):
        if self.boot_done:
            return
        con = self.con
        if not con.init_seen and not final:
            return
        self.boot_done = True
        kver = self.args.kernel or "kernel"
        issues = con.issues_in("boot")
        if con.init_seen:
            t = con.init_time - self.start if con.init_time else 0
            desc = "boot: %s reached /init in %.1f s" % (kver, t)
            diag = issue_diag(con, issues, self.args.console)
        else:
            desc = "boot: %s did not reach /init" % kver
            diag = issue_diag(con, issues, self.args.console) + \
                self.tail_diag()
        self.host.point(con.init_seen and not issues, desc, diag)

    def case_check(self, k):
        if k in self.reported:
            return
        self.reported.add(k)
        issues = self.con.issues_in(k)
        self.host.point(not issues,
                        "%s: kernel console clean" % self.case_name(k),
                        issue_diag(self.con, issues, self.args.console))

    def tail_diag(self, n=30, issues=()):
        """The last n console lines, less those an issue already shows."""
        first = max(0, len(self.con.lines) - n)
        for iss in issues:
            first = max(first, iss.end + 1)
        lines = self.con.lines[first:]
        if not lines:
            return []
        return ["last console lines (%s):" % self.args.console] + \
            ["  " + l for l in lines]

    def drain(self, final=False):
        self.boot_check(False)
        while self.pending:
            if not self.tap_line(self.pending[0], final):
                if self.block_since is None:
                    self.block_since = time.monotonic()
                elif time.monotonic() - self.block_since > \
                        self.args.sync_grace:
                    # The console marker never came (log level filtered?):
                    # go on without it.
                    self.tap_line(self.pending[0], True)
                    self.pending.pop(0)
                    self.block_since = None
                    continue
                return
            self.block_since = None
            self.pending.pop(0)

    def finish(self, how, qemu_rc, qemu_err):
        """QEMU is gone: flush and report what did not complete."""
        self.drain(final=True)
        self.boot_check(final=True)
        con = self.con
        crashed = con.case if con.case is not None else self.tap_case
        if crashed is not None and crashed not in self.reported:
            self.reported.add(crashed)
            issues = con.issues_in(crashed)
            if how == "timeout":
                why = "timeout after %d s" % self.args.timeout
            elif how == "interrupted":
                why = "runner interrupted"
            elif issues:
                why = "guest died (%s)" % "/".join(issues[-1].kinds)
            else:
                why = "guest stopped unexpectedly"
            self.host.point(False, "%s: %s while this case was running"
                            % (self.case_name(crashed), why),
                            issue_diag(con, issues, self.args.console)
                            + self.tail_diag(15, issues))
        self.plan_boundary()
        # The whole run: completion, and kernel errors outside any case.
        issues = con.issues_in("run") + con.issues_in("shutdown")
        rc = self.run_end_rc if self.run_end_rc is not None \
            else con.run_end_rc
        diag = issue_diag(con, issues, self.args.console)
        if how == "timeout":
            ok = False
            desc = "run: timeout after %d s (group TIMEOUT)" % \
                self.args.timeout
            if crashed is None:
                diag += self.tail_diag()
        elif how == "interrupted":
            ok = False
            desc = "run: interrupted"
        elif rc is None:
            ok = False
            desc = "run: guest did not complete its script"
            if crashed is None:
                diag += self.tail_diag()
        elif rc != 0:
            ok = False
            desc = "run: guest script exited with status %d" % rc
        else:
            ok = not issues
            desc = "run: guest script completed, console clean outside cases"
        if qemu_rc not in (0, None):
            ok = False
            diag.append("qemu exited with status %d:" % qemu_rc)
            diag.extend("  " + l for l in qemu_err.splitlines()[-20:])
        self.host.point(ok, desc, diag)
        self.host.comment("console log: %s" % self.args.console)
        self.host.plan()
        return 1 if self.host.failed else 0


class Follower:
    """Reads complete lines appended to a file that another process writes."""

    def __init__(self, path):
        self.path = path
        self.f = None
        self.buf = b""

    def read(self, final=False):
        if self.f is None:
            try:
                self.f = open(self.path, "rb")
            except FileNotFoundError:
                return []
        data = self.f.read()
        if data:
            self.buf += data
        lines = self.buf.split(b"\n")
        self.buf = lines.pop()
        if final and self.buf:
            lines.append(self.buf)
            self.buf = b""
        return [clean_line(l) for l in lines]


def run_main(args):
    for p in (args.console, args.tap):
        open(p, "wb").close()
    qemu_err_path = args.console + ".qemu-stderr"
    runner = Runner(args)
    runner.host.comment("%s: %s" % (args.name, " ".join(args.qemu)))
    with open(qemu_err_path, "wb") as err:
        proc = subprocess.Popen(args.qemu, stdin=subprocess.DEVNULL,
                                stdout=err, stderr=subprocess.STDOUT,
                                start_new_session=True)
    con_f = Follower(args.console)
    tap_f = Follower(args.tap)
    deadline = runner.start + args.timeout
    how = "exit"

    def pump(final):
        now = time.monotonic()
        for line in con_f.read(final):
            runner.con.feed(line, now)
            if args.verbose:
                sys.stderr.write("console: %s\n" % line)
        runner.pending.extend(tap_f.read(final))
        runner.drain()

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    try:
        while proc.poll() is None:
            pump(False)
            if time.monotonic() > deadline:
                how = "timeout"
                break
            time.sleep(0.05)
    except KeyboardInterrupt:
        how = "interrupted"
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=5)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
    pump(True)
    with open(qemu_err_path, "r", errors="replace") as f:
        qemu_err = f.read()
    qemu_rc = proc.returncode if how == "exit" else None
    if how == "interrupted":
        runner.host.comment("interrupted")
    return runner.finish(how, qemu_rc, qemu_err)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="run QEMU and emit host TAP")
    r.add_argument("--console", required=True, help="console log file")
    r.add_argument("--tap", required=True, help="guest TAP log file")
    r.add_argument("--tap-out", help="also write the host TAP here")
    r.add_argument("--name", default="vm", help="run name for messages")
    r.add_argument("--kernel", default="", help="kernel version, for text")
    r.add_argument("--timeout", type=int, default=120)
    r.add_argument("--sync-grace", type=float, default=10.0,
                   help="seconds to wait for a console marker")
    r.add_argument("--verbose", action="store_true",
                   help="stream the console to stderr")
    r.add_argument("qemu", nargs=argparse.REMAINDER)
    s = sub.add_parser("scan", help="scan console logs for kernel errors")
    s.add_argument("logs", nargs="+")
    args = ap.parse_args()
    if args.cmd == "scan":
        return scan_main(args.logs)
    if args.qemu and args.qemu[0] == "--":
        args.qemu = args.qemu[1:]
    if not args.qemu:
        ap.error("no QEMU command given")
    return run_main(args)


if __name__ == "__main__":
    sys.exit(main())

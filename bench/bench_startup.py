"""Start-up figures: `python main.py` to the login dialog painted, and login to the main window painted.

Runs the real start-up path in a fresh interpreter (offscreen Qt) several times and prints medians.
Usage: .venv/bin/python bench/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, os, sys, time
t_spawn = float(os.environ["BENCH_T0"])
sys.argv = ["main.py"]
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from app.core import config, logging_setup
from app.views.application import create_application

class PaintWatch(QObject):
    def __init__(self):
        super().__init__(); self.painted = False
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint: self.painted = True
        return False

def wait_painted(widget, show=True):
    watch = PaintWatch(); widget.installEventFilter(watch)
    if show: widget.show()
    while not watch.painted: QApplication.processEvents()
    widget.removeEventFilter(watch)

logging_setup.setup()
app = create_application()
from app.views.session_flow import SessionFlow
flow = SessionFlow(config.database_url(None)[0])
flow.start()                                   # exactly what run_gui does: login dialog first
wait_painted(flow.login_dialog, show=False)
t_login_painted = time.time()
from PySide6.QtCore import QEventLoop
while flow.auth is None: QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # DB opens in the background
t_db_ready = time.time()
t1 = time.perf_counter()
actor = flow.auth.login("bench", os.environ["BENCH_PW"])
t_auth = time.perf_counter() - t1
flow.login_dialog.close()
from app.views.main_window import MainWindow
from app.views.app_context import AppContext
win = MainWindow(AppContext(flow.db, flow.auth, actor), defer_pages=True)  # as session_flow opens it
wait_painted(win)
t2 = time.perf_counter()
print(json.dumps({"to_login_painted": t_login_painted - t_spawn, "login_to_main_painted": t2 - t1, "auth": t_auth,
                  "db_ready": t_db_ready - t_spawn, "modules": len(sys.modules),
                  "pyqtgraph_loaded": "pyqtgraph" in sys.modules, "reportlab_loaded": "reportlab" in sys.modules}),
      flush=True)
# This harness never runs the event loop, so the daily backup started at the login finishes with nobody to hear
# it, and tearing Qt down then can crash (the application's own exit path, app.exec then shutdown, does not).
from app.views.common import run_op
run_op.wait_all(120000)
os._exit(0)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="jingwu-bench-")
    env = dict(os.environ, JINGWU_HOME=home, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    password = "Startup-Figures-2026"
    subprocess.run(
        [sys.executable, "main.py", "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    subprocess.run(
        [
            sys.executable,
            "main.py",
            "admin",
            "create",
            "--username",
            "bench",
            "--name",
            "测试",
            "--password-stdin",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        input=password + "\n",
        text=True,
    )
    results = []
    for _ in range(args.runs):
        env["BENCH_T0"] = repr(time.time())
        env["BENCH_PW"] = password
        out = subprocess.run(
            [sys.executable, "-c", CHILD], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    med = lambda key: statistics.median(r[key] for r in results) * 1000  # noqa: E731
    print(f"runs: {args.runs}")
    print(f"python main.py -> login dialog painted : {med('to_login_painted'):7.0f} ms (budget 1000)")
    print(f"python main.py -> database open, login possible: {med('db_ready'):5.0f} ms")
    print(f"login -> main window painted          : {med('login_to_main_painted'):7.0f} ms (budget 1000)")
    print(f"  of which password check (argon2id)    : {med('auth'):7.0f} ms")
    print(
        f"pyqtgraph imported at start: {results[0]['pyqtgraph_loaded']}, reportlab: {results[0]['reportlab_loaded']}"
    )


if __name__ == "__main__":
    main()

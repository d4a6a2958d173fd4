#!/usr/bin/env python3
"""E2E: the automatic daily backup runs by itself while the app is open (issue 6).

The app is started with LAOKE_AUTO_BACKUP_SECS=1 (checks every second; the first check waits ten
times as long). After the first-run wizard the owner adds a backup folder in Settings → Backup
and does nothing else: within a minute a verified `.laokebak` appears in the folder and the tab
shows the last verified backup. Uses app_flow's plumbing (driver, isolated data folder) with the
wizard and then only this step.

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/e2e/auto_backup.py \\
        --app target/debug/laoke-app --cli target/debug/laoke --port 4501 --native-port 4502
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import app_flow  # noqa: E402
import backup_steps  # noqa: E402
import customers_steps  # noqa: E402
import import_steps  # noqa: E402
import insight_steps  # noqa: E402
import loyalty_steps  # noqa: E402
import orders_steps  # noqa: E402
import sample_steps  # noqa: E402
import search_steps  # noqa: E402
import tickets_steps  # noqa: E402
from app_flow import Window, log  # noqa: E402

SCRATCH: list[Path] = []


def _remember_scratch(*args, **kwargs) -> str:
    path = plain_mkdtemp(*args, **kwargs)
    SCRATCH.append(Path(path))
    return path


def the_daily_backup_runs_by_itself(w: Window) -> None:
    backup_dir = SCRATCH[0] / "backups"
    log(f"Settings → Backup: add {backup_dir}, then wait without pressing 'back up now'")
    w.click("nav-settings")
    w.click("settings-tab-backup")
    w.visible("backup-targets")
    w.type("backup-target-path", str(backup_dir))
    w.click("backup-target-add")
    w.wait_until("the folder is listed", lambda: str(backup_dir) in w.text("backup-targets"))
    assert not list(backup_dir.glob("*.laokebak")), "no backup before the timer runs"
    started = time.monotonic()
    files = w.wait_until(
        "the automatic backup wrote a file",
        lambda: sorted(backup_dir.glob("*.laokebak")) or False,
        timeout=120,
    )
    log(f"automatic backup after {time.monotonic() - started:.0f}s: {files[0].name}")
    w.click("nav-customers")
    w.click("nav-settings")
    w.click("settings-tab-backup")
    w.wait_until(
        "the tab shows the last verified backup",
        lambda: w.count("backup-last-verified") == 1,
        timeout=60,
    )
    w.shot("backup-auto-zh")
    assert len(files) == 1, f"one automatic backup, found {files}"


def _skip(*_args, **_kwargs) -> None:
    return None


if __name__ == "__main__":
    os.environ["LAOKE_AUTO_BACKUP_SECS"] = "1"
    # The wizard's backup step says "later": the folder is added in Settings, then only waited on.
    os.environ["LAOKE_E2E_WIZARD_BACKUP"] = "0"
    plain_mkdtemp = tempfile.mkdtemp
    app_flow.tempfile.mkdtemp = _remember_scratch
    # The wizard, then only this check.
    for name in (
        "wrong_password_shows_an_error",
        "cli_adds_demo_customers",
        "backup_and_restore",
        "settings_lists_users",
        "lock_and_unlock",
        "english_everywhere",
        "log_in_again",
    ):
        setattr(app_flow, name, _skip)
    app_flow.login_shows_customers = the_daily_backup_runs_by_itself
    for module in (
        backup_steps,
        customers_steps,
        import_steps,
        insight_steps,
        loyalty_steps,
        orders_steps,
        sample_steps,
        search_steps,
        tickets_steps,
    ):
        for name in dir(module):
            fn = getattr(module, name)
            if callable(fn) and getattr(fn, "__module__", "") == module.__name__ and not name.startswith("_"):
                setattr(module, name, _skip)
    app_flow.customers_total = lambda _w: 0
    sys.exit(app_flow.main())

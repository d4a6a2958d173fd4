#!/usr/bin/env python3
"""E2E steps for issue 6's backup screens, for the main flow (tests/e2e/app_flow.py) to call.

Each step takes the flow's `Window` and leaves the app on Settings → Backup:

- `grow_store(cli, data_dir, size_mb)`: the CLI pads the store (while the app is open) so a
  backup takes long enough to watch;
- `backup_with_progress(w, backup_dir)`: "back up now" shows the progress bar with the time
  left, the customers list still answers while it runs, and the backup ends verified;
- `list_and_preview(w, backup_dir, password, customers)`: the restore card lists the folder's
  backups (this store's are marked verified), checks one and previews its counts;
- `move_out_of_sync_folder(w, new_dir, customers)`: with the data folder inside a sync folder,
  the warning offers to move it; typed into the dialog's path field, the move runs and the
  warning goes away with every customer still there;
- `export_card_is_there(w)`: the owner's full-export card (the native save dialog itself is
  outside the webview, so the export is tested in tests/export_*.rs and tests/cli.rs).

Run on its own (the main flow with these steps added after its backup/restore step):

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/e2e/backup_steps.py \
        --app target/debug/laoke-app --cli target/debug/laoke --port 4491 --native-port 4492 \
        [--in-sync-folder]

`--in-sync-folder` puts the flow's temp folder inside a folder named `Dropbox`, so the data
folder starts in a sync folder and the move step runs instead of the progress step.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import app_flow  # noqa: E402
from app_flow import OWNER, OWNER_PASSWORD, Window, customers_total, log, sel  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

SHOTS = {"backup-progress-zh", "restore-preview-zh", "backup-export-zh", "backup-sync-warning-zh", "move-data-dir-zh"}


def grow_store(cli: Path, data_dir: Path, size_mb: int) -> None:
    log(f"the CLI grows the store to about {size_mb} MB (the app stays open)")
    env = dict(os.environ, LAOKE_PASSWORD=OWNER_PASSWORD, LAOKE_USER=OWNER, LAOKE_DATA_DIR=str(data_dir))
    cmd = [str(cli), "bench", "fill", "--data-dir", str(data_dir), "--size-mb", str(size_mb)]
    started = time.monotonic()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
    log(f"$ {' '.join(cmd)} → exit {out.returncode} in {time.monotonic() - started:.1f}s")
    for line in (out.stdout + out.stderr).strip().splitlines():
        log(f"  | {line}")
    assert out.returncode == 0, "laoke bench fill failed"


def open_backup_tab(w: Window) -> None:
    w.click("nav-settings")
    for attempt in range(3):
        w.settle(0.5)  # the route change re-renders the tabs; a click during it can be lost
        w.click("settings-tab-backup")
        try:
            w.visible("backup-targets", timeout=10)
            return
        except AssertionError:
            if attempt == 2:
                raise


def backup_with_progress(w: Window, backup_dir: Path) -> None:
    open_backup_tab(w)
    before = set(backup_dir.glob("*.laokebak"))
    log("back up now and watch the progress bar")
    w.click("backup-now")
    seen_bar = False
    try:
        w.visible("backup-progress", timeout=20)
        seen_bar = True
        w.wait_until(
            "the time left is estimated",
            lambda: re.search(r"\d", w.d.find_element(By.CSS_SELECTOR, sel("backup-time-left")).text),
            timeout=20,
        )
        log(f"progress bar: {w.text('backup-progress')!r}")
        w.shot("backup-progress-zh")
    except (AssertionError, WebDriverException) as e:
        log(f"note: the progress bar was not caught ({type(e).__name__}); the backup may have been too quick")
    if seen_bar:
        # The app stays usable: other screens answer while the backup runs.
        started = time.monotonic()
        total = customers_total(w)
        log(f"while backing up, the customers list answered in {time.monotonic() - started:.1f}s ({total})")
        open_backup_tab(w)
    w.wait_until(
        "a new verified backup file exists",
        lambda: len(set(backup_dir.glob("*.laokebak")) - before) == 1,
        timeout=300,
    )
    w.wait_until("the progress bar is gone", lambda: w.count("backup-progress") == 0, timeout=60)
    new = (set(backup_dir.glob("*.laokebak")) - before).pop()
    log(f"backup written and verified: {new.name} ({new.stat().st_size / 1e6:.0f} MB)")


def list_and_preview(w: Window, backup_dir: Path, password: str, customers: int) -> None:
    open_backup_tab(w)
    log(f"restore card: list the backups in {backup_dir}")
    w.type("backup-list-dir", str(backup_dir))
    w.click("backup-list-show")
    table = w.visible("backup-list")
    files = sorted(backup_dir.glob("*.laokebak"))
    w.wait_until("every backup file is listed", lambda: all(f.name in table.text for f in files))
    w.wait_until("this store's backups are marked verified", lambda: w.count("backup-list-verified") >= 1)
    w.click("backup-list-use")
    w.type("restore-password", password)
    w.click("backup-preview")
    w.visible("backup-preview-result", timeout=300)
    result = w.visible("backup-preview-result")
    w.d.execute_script("arguments[0].scrollIntoView({block: 'center'});", result)
    shown = int(re.sub(r"\D", "", w.text("backup-preview-customers")))
    log(f"preview: {w.text('backup-preview-result')!r}")
    assert shown > 0, "the preview counts customers"
    assert shown <= customers, f"the preview shows {shown} customers, the store has {customers}"
    w.shot("restore-preview-zh")


def move_out_of_sync_folder(w: Window, new_dir: Path, customers: int) -> None:
    open_backup_tab(w)
    log("the data folder is in a sync folder: the warning offers to move it")
    w.visible("backup-sync-warning")
    w.shot("backup-sync-warning-zh")
    w.click("move-data-dir")
    w.type("move-path", str(new_dir))
    w.shot("move-data-dir-zh")
    w.click("move-confirm")
    w.gone("backup-sync-warning", timeout=300)
    assert (new_dir / "laoke.keys").is_file() and (new_dir / "laoke.db").is_file(), f"the store is in {new_dir}"
    total = customers_total(w)
    assert total == customers, f"after the move the customers list shows {total}, not {customers}"
    log(f"moved to {new_dir}; the customers list still shows {total}")
    open_backup_tab(w)


def export_card_is_there(w: Window) -> None:
    open_backup_tab(w)
    button = w.visible("export-full")
    w.d.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    w.shot("backup-export-zh")


# --- running the main flow with these steps ----------------------------------------------

def _with_backup_steps(original, cli: Path, in_sync_folder: bool):
    def steps(w: Window, backup_dir: Path) -> None:
        original(w, backup_dir)
        if in_sync_folder:
            # The moved store backs up as before (too small to catch the bar: a note only).
            move_out_of_sync_folder(w, backup_dir.parent.parent / "local-data", customers_total(w))
        else:
            data_dir = backup_dir.parent / "data"
            grow_store(cli, data_dir, int(os.environ.get("LAOKE_E2E_GROW_MB", "40")))
        backup_with_progress(w, backup_dir)
        list_and_preview(w, backup_dir, OWNER_PASSWORD, customers_total(w))
        export_card_is_there(w)

    return steps


if __name__ == "__main__":
    import tempfile

    in_sync = "--in-sync-folder" in sys.argv
    if in_sync:
        sys.argv.remove("--in-sync-folder")
        plain_mkdtemp = tempfile.mkdtemp

        def mkdtemp_in_dropbox(*args, **kwargs):
            inner = Path(plain_mkdtemp(*args, **kwargs)) / "Dropbox"
            inner.mkdir()
            return str(inner)

        app_flow.tempfile.mkdtemp = mkdtemp_in_dropbox
    cli_arg = sys.argv[sys.argv.index("--cli") + 1] if "--cli" in sys.argv else "laoke"
    app_flow.backup_and_restore = _with_backup_steps(app_flow.backup_and_restore, Path(cli_arg).resolve(), in_sync)
    sys.exit(app_flow.main())

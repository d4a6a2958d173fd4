#!/usr/bin/env python3
"""End-to-end test of the real Laoke window.

Drives the built `laoke-app` binary through WebDriver: `tauri-driver` (crates.io) starts the app
and Debian's `WebKitWebDriver` talks to its webview. Run it under Xvfb (scripts/test-all.sh does):

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/e2e/app_flow.py \
        --app target/debug/laoke-app --cli target/debug/laoke [--update-docs]

The flow, in a fresh temporary data folder (LAOKE_DATA_DIR), at a 1440×900 window:
wizard → the sample shop, generated and walked screen by screen (sample_steps.py), its Insight
screen, a class list, a 360 class card, a threshold preview and a saved segment (insight_steps.py) → "start my
real shop" → create the owner → recovery key (confirm it was saved) → the backup step chooses
a cloud sync folder found in the (temporary) home folder → the owner's "no verified backup"
banner backs up in one click and goes → log out →
wrong password shows an error → `laoke demo` adds 300 customers through the CLI → log in →
customers list shows them → Settings → Backup: add a folder, back up now, restore that backup
(password, confirm) → the customers list shows the same total → Settings → Users → lock and
unlock → switch to English → customers, backup, lock and login screens in English.

Screenshots go to e2e-artifacts/; `--update-docs` also copies the key ones to docs/screenshots/.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.file_detector import UselessFileDetector
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]

OWNER = "owner"
OWNER_NAME = "王店主"
OWNER_PASSWORD = "correct horse 1"
WRONG_PASSWORD = "wrong horse 9"
DEMO_CUSTOMERS = 300
DEMO_SEED = 7

# Screenshots that document the product (docs/screenshots/), taken during the flow.
DOC_SHOTS = {
    "wizard-zh",
    "wizard-en",
    "recovery-key-zh",
    "login-error-zh",
    "customers-zh",
    "backup-zh",
    "users-zh",
    "lock-zh",
    "customers-en",
    "backup-en",
    "lock-en",
    "login-en",
    "login-error-en",
    # issue 3 (customers, orders, search, import) and issue 6 (backup) screens
    "search-zh",
    "orders-zh",
    "order-zh",
    "order-new-zh",
    "customers-filtered-zh",
    "customer-form-zh",
    "customer-360-zh",
    "customer-360-rep-zh",
    "duplicates-zh",
    "merge-zh",
    "recycle-bin-zh",
    "import-mapping-zh",
    "import-preview-zh",
    "import-result-zh",
    "backup-progress-zh",
    "restore-preview-zh",
    "orders-en",
    "customer-360-en",
    "import-preview-en",
    # issue 4 (loyalty)
    "loyalty-overview-zh",
    "loyalty-coupon-new-zh",
    "loyalty-coupons-zh",
    "loyalty-rules-zh",
    "loyalty-whatif-zh",
    "customer-360-loyalty-zh",
    "loyalty-adjust-zh",
    "loyalty-overview-en",
    "order-new-redeem-zh",
    "order-new-redeem-en",
    # issue 5 (service desk)
    "ticket-new-zh",
    "ticket-resolve-zh",
    "ticket-zh",
    "tickets-zh",
    "today-zh",
    "ticket-en",
    "tickets-report-zh",
    "customer-followups-zh",
    "settings-desk-zh",
    "settings-desk-en",
    "tickets-report-export-zh",
    # issue 17 (the first day): the sample shop, the wizard's backup step, the owner's banner
    "sample-dashboard-zh",
    "sample-today-zh",
    "sample-customers-zh",
    "sample-customer-360-zh",
    "sample-orders-zh",
    "sample-tickets-zh",
    "sample-tickets-report-zh",
    "sample-loyalty-zh",
    "sample-holidays-zh",
    "wizard-backup-zh",
    "backup-banner-zh",
    # issue 12 (segments, RFM and lifecycle), on the sample shop
    "insight-zh",
    "customer-insight-zh",
    "insight-preview-zh",
    "segments-zh",
    "insight-en",
}

WAIT_S = 30


def log(msg: str) -> None:
    print(f"[e2e {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def sel(test_id: str) -> str:
    return f'[data-testid="{test_id}"]'


class Window:
    """Small helpers over the WebDriver session, addressing elements by data-testid."""

    def __init__(self, driver: webdriver.Remote, artifacts: Path):
        self.d = driver
        self.artifacts = artifacts
        self.shots: list[str] = []

    # --- finding -----------------------------------------------------------------------
    def visible(self, test_id: str, timeout: float = WAIT_S) -> WebElement:
        def find(d):
            for el in d.find_elements(By.CSS_SELECTOR, sel(test_id)):
                try:
                    if el.is_displayed():
                        return el
                except StaleElementReferenceException:
                    continue
            return False

        try:
            return WebDriverWait(self.d, timeout, poll_frequency=0.2).until(find)
        except TimeoutException:
            raise AssertionError(f"timed out after {timeout}s waiting for [{test_id}] to be visible")

    def gone(self, test_id: str, timeout: float = WAIT_S) -> None:
        def absent(d):
            try:
                return not any(el.is_displayed() for el in d.find_elements(By.CSS_SELECTOR, sel(test_id)))
            except StaleElementReferenceException:
                return False

        try:
            WebDriverWait(self.d, timeout, poll_frequency=0.2).until(absent)
        except TimeoutException:
            raise AssertionError(f"[{test_id}] was still visible after {timeout}s")

    def count(self, test_id: str) -> int:
        # WebKitWebDriver can raise "stale element" from find_elements itself when React
        # replaces the nodes while they are being listed: list again.
        for _ in range(20):
            try:
                return len(self.d.find_elements(By.CSS_SELECTOR, sel(test_id)))
            except StaleElementReferenceException:
                time.sleep(0.1)
        return len(self.d.find_elements(By.CSS_SELECTOR, sel(test_id)))

    def text(self, test_id: str) -> str:
        return self.visible(test_id).text.strip()

    def input(self, test_id: str) -> WebElement:
        """The <input> carrying the test id, or the first input inside the element."""
        el = self.visible(test_id)
        if el.tag_name.lower() in ("input", "textarea"):
            return el
        inner = el.find_elements(By.CSS_SELECTOR, "input, textarea")
        if not inner:
            raise AssertionError(f"[{test_id}] is a <{el.tag_name}> with no input inside")
        return inner[0]

    # --- acting ------------------------------------------------------------------------
    def click(self, test_id: str, timeout: float = WAIT_S) -> None:
        deadline = time.monotonic() + timeout
        while True:
            el = self.visible(test_id, timeout)
            try:
                WebDriverWait(self.d, 5).until(lambda _d: el.is_enabled())
                el.click()
                return
            except (ElementClickInterceptedException, ElementNotInteractableException):
                # antd hides some real inputs (checkboxes) under styled boxes: click via JS.
                self.d.execute_script("arguments[0].click();", el)
                return
            except StaleElementReferenceException:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def tick(self, test_id: str) -> None:
        """Ticks a checkbox. antd draws its own box over a transparent <input>, which WebDriver
        counts as invisible, so click the visible wrapper label instead."""
        el = self.wait_until(
            f"[{test_id}] exists", lambda: (self.d.find_elements(By.CSS_SELECTOR, sel(test_id)) or [False])[0]
        )
        if el.tag_name.lower() != "input":
            inner = el.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
            el = inner[0] if inner else el
        if el.is_selected():
            return
        label = el.find_element(By.XPATH, "ancestor::label[1]")
        try:
            label.click()
        except WebDriverException:
            # A dropdown that is still animating in is not "interactable" yet for WebKit.
            time.sleep(0.5)
            self.d.execute_script("arguments[0].click();", label)
        self.wait_until(f"[{test_id}] is ticked", el.is_selected, timeout=5)

    def type(self, test_id: str, value: str, clear: bool = True) -> None:
        el = self.input(test_id)
        if clear:
            self.clear(el)
        el.send_keys(value)
        got = el.get_attribute("value")
        assert got == value, f"[{test_id}] holds {got!r} after typing {value!r}"

    def clear(self, el: WebElement) -> None:
        if not el.get_attribute("value"):
            return
        el.send_keys(Keys.CONTROL, "a")
        el.send_keys(Keys.BACKSPACE)
        for _ in range(200):
            if not el.get_attribute("value"):
                return
            el.send_keys(Keys.BACKSPACE)
        raise AssertionError("could not clear an input")

    def wait_until(self, what: str, predicate, timeout: float = WAIT_S):
        try:
            # A re-render between finding an element and reading it is not a failure: poll again.
            return WebDriverWait(
                self.d, timeout, poll_frequency=0.25, ignored_exceptions=(StaleElementReferenceException,)
            ).until(lambda _d: predicate())
        except TimeoutException:
            raise AssertionError(f"timed out after {timeout}s waiting until {what}")

    def settle(self, seconds: float = 0.6) -> None:
        """Let antd animations (modals, menus, route fades) finish before a screenshot."""
        time.sleep(seconds)

    def shot(self, name: str) -> Path:
        self.settle()
        path = self.artifacts / f"{name}.png"
        self.d.get_screenshot_as_file(str(path))
        self.shots.append(name)
        log(f"screenshot {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
        return path

    def size_for_docs(self) -> None:
        """The window size the documented screenshots use (1440 × 900), where the screen allows."""
        try:
            self.d.set_window_rect(x=0, y=0, width=1440, height=900)
        except WebDriverException as e:
            log(f"could not resize the window ({e.msg}); screenshots keep the default size")
        rect = self.d.get_window_rect()
        log(f"window {rect['width']}×{rect['height']}")

    def user_menu(self, item: str) -> None:
        """Opens the user menu (an antd dropdown rendered in a portal) and picks an item."""
        for attempt in range(3):
            self.click("user-menu")
            try:
                self.visible(item, timeout=5)
                break
            except AssertionError:
                if attempt == 2:
                    raise
        self.click(item)


# --- the flow --------------------------------------------------------------------------

# Set by main(): the place the wizard's backup step chooses (None: "later") and where the
# banner's first backup must land.
WIZARD_BACKUP_PLACE: str | None = None
WIZARD_BACKUP_FOLDER: Path | None = None


def wizard_welcome(w: Window) -> None:
    log("first run: the wizard offers to create a store, restore one or open the sample shop")
    w.visible("wizard-create", timeout=60)
    w.visible("wizard-demo")
    w.shot("wizard-zh")
    # The first screen a new shop sees, in English too, then back to Chinese (the default).
    w.click("lang-en")
    w.wait_until("the wizard in English", lambda: "Create" in w.text("wizard-create"))
    w.settle()
    w.shot("wizard-en")
    w.click("lang-zh")
    w.wait_until("the wizard in Chinese", lambda: "创建" in w.text("wizard-create"))
    w.settle()
    # A new computer can restore a backup instead; look at the form, then go back.
    w.click("wizard-restore")
    w.visible("wizard-restore-file")
    w.shot("wizard-restore-zh")
    w.click("wizard-restore-back")
    w.visible("wizard-create")


def wizard_creates_the_owner(w: Window) -> None:
    # From the welcome choice, or straight on the form after leaving the sample shop.
    if w.count("wizard-create"):
        w.click("wizard-create")
    w.type("wizard-username", OWNER)
    w.type("wizard-displayname", OWNER_NAME)
    w.type("wizard-password", OWNER_PASSWORD)
    w.type("wizard-password2", OWNER_PASSWORD)
    w.shot("wizard-form-zh")
    w.click("wizard-submit")

    log("the recovery key is shown once (Argon2 + store creation take a moment)")
    key_el = w.visible("recovery-key", timeout=60)
    key = key_el.text.strip()
    groups = re.findall(r"[A-Za-z0-9]+", key)
    assert len("".join(groups)) >= 16, f"recovery key looks too short: {key!r}"
    w.shot("recovery-key-zh")
    assert not w.visible("recovery-continue").is_enabled(), (
        "continue must stay disabled until the user confirms they saved the key"
    )
    w.tick("recovery-confirm")
    w.type("recovery-last4", "".join(groups)[-4:])
    w.click("recovery-continue")
    if WIZARD_BACKUP_PLACE is None:
        w.click("wizard-backup-later")
        w.visible("nav-dashboard")
    else:
        import sample_steps

        sample_steps.wizard_chooses_a_backup_folder(w, WIZARD_BACKUP_PLACE)
    log(f"owner created; main layout shown (recovery key had {len(groups)} groups)")
    w.shot("dashboard-zh")
    if WIZARD_BACKUP_FOLDER is not None:
        import sample_steps

        sample_steps.banner_goes_after_the_first_backup(w, WIZARD_BACKUP_FOLDER)


def wrong_password_shows_an_error(w: Window) -> None:
    log("log out, then fail a login with a wrong password")
    w.user_menu("menu-logout")
    w.visible("login-username")
    w.type("login-username", OWNER)
    w.type("login-password", WRONG_PASSWORD)
    w.click("login-submit")
    err = w.visible("login-error", timeout=30)
    assert err.text.strip(), "login-error is empty"
    log(f"login error: {err.text.strip()!r}")
    assert "nav-dashboard" not in w.d.page_source, "a wrong password must not open the app"
    w.shot("login-error-zh")


def cli_adds_demo_customers(cli: Path, data_dir: Path) -> None:
    log(f"the CLI adds {DEMO_CUSTOMERS} demo customers to the store (app is logged out)")
    env = dict(os.environ, LAOKE_PASSWORD=OWNER_PASSWORD, LAOKE_USER=OWNER, LAOKE_DATA_DIR=str(data_dir))
    cmd = [
        str(cli), "demo", "--data-dir", str(data_dir),
        "--customers", str(DEMO_CUSTOMERS), "--seed", str(DEMO_SEED),
    ]
    started = time.monotonic()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    log(f"$ {' '.join(cmd)} → exit {out.returncode} in {time.monotonic() - started:.1f}s")
    for line in (out.stdout + out.stderr).strip().splitlines():
        log(f"  | {line}")
    assert out.returncode == 0, "laoke demo failed"


def login_shows_customers(w: Window) -> None:
    log("log in with the right password and open the customers list")
    w.type("login-username", OWNER)
    w.type("login-password", OWNER_PASSWORD)
    w.click("login-submit")
    w.visible("nav-customers", timeout=60)
    w.click("nav-customers")
    w.visible("customers-table")
    w.wait_until("customer rows are shown", lambda: w.count("customer-row") > 0)
    w.wait_until(
        f"the total says {DEMO_CUSTOMERS}",
        lambda: re.search(rf"(?<!\d){DEMO_CUSTOMERS}(?!\d)", w.text("customers-total").replace(",", "")),
    )
    log(f"{w.count('customer-row')} rows on the first page; total: {w.text('customers-total')!r}")
    w.shot("customers-zh")


def customers_total(w: Window) -> int:
    w.click("nav-customers")
    w.visible("customers-table")
    w.wait_until("customer rows are shown", lambda: w.count("customer-row") > 0)
    # The totals come in a second call after the page.
    w.wait_until("the total is counted", lambda: re.search(r"\d", w.text("customers-total")))
    found = re.search(r"\d+", w.text("customers-total").replace(",", ""))
    assert found, f"no number in the customers total: {w.text('customers-total')!r}"
    return int(found.group())


def backup_and_restore(w: Window, backup_dir: Path) -> None:
    total = customers_total(w)
    log(f"Settings → Backup: add {backup_dir} and back up now ({total} customers)")
    w.click("nav-settings")
    w.click("settings-tab-backup")
    w.visible("backup-targets")
    if WIZARD_BACKUP_FOLDER is not None:
        remove_backup_folder(w, str(WIZARD_BACKUP_FOLDER))
    w.type("backup-target-path", str(backup_dir))
    w.click("backup-target-add")
    w.wait_until("the folder is listed", lambda: str(backup_dir) in w.text("backup-targets"))
    w.click("backup-now")
    result = w.visible("backup-result", timeout=120)
    files = sorted(backup_dir.glob("*.laokebak"))
    assert len(files) == 1, f"expected one backup file in {backup_dir}, found {files}"
    assert files[0].name in result.text, f"the result does not name {files[0].name}: {result.text!r}"
    w.wait_until("the last verified backup time is shown", lambda: w.count("backup-last-verified") == 1)
    log(f"backup written and verified: {files[0].name} ({files[0].stat().st_size} bytes)")
    w.shot("backup-zh")

    log("restore from that file with the owner's password")
    w.type("restore-file", str(files[0]))
    w.type("restore-password", OWNER_PASSWORD)
    w.click("restore-submit")
    # antd's confirm dialog zooms in; a click during the animation can miss the button.
    w.visible("restore-confirm")
    w.settle(1.0)
    w.click("restore-confirm")
    for _ in range(3):
        try:
            w.gone("restore-confirm", timeout=5)
            break
        except AssertionError:
            w.click("restore-confirm")
    done = w.visible("restore-result", timeout=120)
    log(f"restore result: {done.text.strip()!r}")
    w.shot("restore-zh")
    after = customers_total(w)
    assert after == total, f"after the restore the customers list shows {after}, not {total}"
    log(f"after the restore the customers list still shows {after}")


def remove_backup_folder(w: Window, path_part: str) -> None:
    """Settings → Backup: remove the folder whose path contains `path_part` (its files stay)."""
    log(f"remove the backup folder under {path_part} (the owner moves to a USB stick)")
    rows = [r for r in w.d.find_elements(By.CSS_SELECTOR, f"{sel('backup-targets')} .ant-table-row") if path_part in r.text]
    assert len(rows) == 1, f"one row for {path_part}: {[r.text for r in rows]}"
    rows[0].find_element(By.CSS_SELECTOR, sel("backup-target-remove")).click()
    ok = w.wait_until(
        "the remove confirmation opens",
        lambda: next((b for b in w.d.find_elements(By.CSS_SELECTOR, ".ant-popconfirm .ant-btn-primary") if b.is_displayed()), False),
    )
    w.settle(0.5)
    ok.click()
    w.wait_until("the folder is gone from the list", lambda: path_part not in w.text("backup-targets"))


def settings_lists_users(w: Window) -> None:
    log("Settings → Users lists the owner")
    w.click("nav-settings")
    w.click("settings-tab-users")
    table = w.visible("users-table")
    w.wait_until("the owner is listed", lambda: OWNER in table.text)
    w.visible("users-add")
    w.shot("users-zh")


def lock_and_unlock(w: Window, lang: str) -> None:
    log(f"lock from the user menu, then unlock ({lang})")
    w.user_menu("menu-lock")
    w.visible("lock-screen")
    w.shot(f"lock-{lang}")
    w.type("unlock-password", OWNER_PASSWORD)
    w.click("unlock-submit")
    w.gone("lock-screen", timeout=60)
    w.visible("nav-customers")


def english_everywhere(w: Window) -> None:
    log("switch to English")
    w.click("lang-en")
    w.wait_until("the navigation is in English", lambda: "Customers" in w.text("nav-customers"))
    w.click("nav-customers")
    w.wait_until("customer rows are shown", lambda: w.count("customer-row") > 0)
    header = w.visible("customers-table").text
    assert re.search(r"[A-Za-z]{4,}", header), "customers table has no English text"
    w.shot("customers-en")
    w.click("nav-settings")
    w.click("settings-tab-backup")
    # The restored database is the snapshot taken before that backup was recorded, so the
    # folder is listed (it was added before the backup) but without a verified backup yet.
    w.wait_until("the backup folder is listed", lambda: "backups" in w.text("backup-targets"))
    w.wait_until("the backup tab is in English", lambda: "Back up now" in w.text("backup-now"))
    w.shot("backup-en")
    lock_and_unlock(w, "en")

    log("log out; the login screen is in English too")
    w.user_menu("menu-logout")
    w.visible("login-username")
    w.shot("login-en")
    w.type("login-username", OWNER)
    w.type("login-password", WRONG_PASSWORD)
    w.click("login-submit")
    msg = w.visible("login-error").text
    assert re.search(r"[A-Za-z]", msg) and not re.search(r"[\u4e00-\u9fff]", msg), (
        f"login error should be English only: {msg!r}"
    )
    w.shot("login-error-en")


def log_in_again(w: Window) -> None:
    log("log in again as the owner")
    w.type("login-username", OWNER)
    w.type("login-password", OWNER_PASSWORD)
    w.click("login-submit")
    w.visible("nav-customers", timeout=60)


# --- plumbing ---------------------------------------------------------------------------

def wait_for_driver(port: int, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"tauri-driver exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("tauri-driver did not start listening")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--app", required=True, type=Path, help="built laoke-app binary")
    ap.add_argument("--cli", required=True, type=Path, help="built laoke CLI binary")
    ap.add_argument("--artifacts", type=Path, default=REPO / "e2e-artifacts")
    ap.add_argument("--update-docs", action="store_true", help="copy key screenshots to docs/screenshots/")
    ap.add_argument("--port", type=int, default=4444)
    ap.add_argument("--native-port", type=int, default=None,
                    help="WebKitWebDriver's port (tauri-driver's default: 4445); set it when another run uses it")
    ap.add_argument("--tauri-driver", default=shutil.which("tauri-driver") or "tauri-driver")
    ap.add_argument("--native-driver", default=shutil.which("WebKitWebDriver") or "/usr/bin/WebKitWebDriver")
    ap.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    args = ap.parse_args()

    app = args.app.resolve()
    cli = args.cli.resolve()
    for path in (app, cli):
        if not path.is_file():
            print(f"missing binary: {path}", file=sys.stderr)
            return 2

    args.artifacts.mkdir(parents=True, exist_ok=True)
    for old in args.artifacts.glob("*.png"):
        old.unlink()
    scratch = Path(tempfile.mkdtemp(prefix="laoke-e2e-"))
    data_dir = scratch / "data"
    # A backup folder outside the data folder (as a USB stick would be).
    backup_dir = scratch / "backups"
    backup_dir.mkdir()
    # A home folder with the sync folders of two cloud clients: the wizard finds and offers them.
    home = scratch / "home"
    for client in ("我的坚果云", "OneDrive"):
        (home / client).mkdir(parents=True)
    global WIZARD_BACKUP_PLACE, WIZARD_BACKUP_FOLDER
    if WIZARD_BACKUP_PLACE is None and os.environ.get("LAOKE_E2E_WIZARD_BACKUP", "1") == "1":
        WIZARD_BACKUP_PLACE = "坚果云"
        WIZARD_BACKUP_FOLDER = home / "我的坚果云"
    log(f"data folder: {data_dir}")

    # The app inherits this environment from tauri-driver → WebKitWebDriver. Isolate everything
    # the app could touch: its data folder, window-state file, and the D-Bus single-instance lock.
    runtime_dir = scratch / "xdg-runtime"
    runtime_dir.mkdir(mode=0o700)
    env = dict(
        os.environ,
        LAOKE_DATA_DIR=str(data_dir),
        HOME=str(home),
        XDG_CONFIG_HOME=str(scratch / "xdg-config"),
        XDG_DATA_HOME=str(scratch / "xdg-data"),
        XDG_CACHE_HOME=str(scratch / "xdg-cache"),
        XDG_RUNTIME_DIR=str(runtime_dir),
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)

    driver_log = open(args.artifacts / "tauri-driver.log", "w")
    driver_cmd = [args.tauri_driver, "--port", str(args.port), "--native-driver", args.native_driver]
    if args.native_port is not None:
        driver_cmd += ["--native-port", str(args.native_port)]
    driver_proc = subprocess.Popen(
        driver_cmd,
        env=env, stdout=driver_log, stderr=subprocess.STDOUT,
    )
    driver = None
    window = None
    ok = False
    started = time.monotonic()
    try:
        wait_for_driver(args.port, driver_proc)
        opts = ArgOptions()
        opts.set_capability("browserName", "wry")
        opts.set_capability("tauri:options", {"application": str(app)})
        url = f"http://127.0.0.1:{args.port}"
        # A hung WebDriver call fails the test after a minute instead of blocking CI.
        driver = webdriver.Remote(command_executor=url, options=opts, client_config=ClientConfig(url, timeout=60))
        # Typing a path that exists (the backup file) must type it, not upload the file.
        driver.file_detector = UselessFileDetector()
        window = Window(driver, args.artifacts)

        # The area steps live in their own files (tests/e2e/*_steps.py); imported here because
        # they import this module for Window and the shared steps.
        import backup_steps
        import customers_steps
        import import_steps
        import insight_steps
        import loyalty_steps
        import orders_steps
        import sample_steps
        import search_steps
        import tickets_steps

        window.size_for_docs()
        wizard_welcome(window)
        sample_steps.walk_the_sample_shop(window)
        insight_steps.run_all(window)
        sample_steps.leave_the_sample_shop(window)
        wizard_creates_the_owner(window)
        wrong_password_shows_an_error(window)
        cli_adds_demo_customers(cli, data_dir)
        login_shows_customers(window)
        search_steps.search_finds_a_two_character_name(window)
        orders_steps.manual_sale_and_refund(window)
        orders_steps.customer_filters_and_totals(window)
        loyalty_steps.loyalty_area_and_coupon(window)
        loyalty_steps.customer_points_adjusted(window)
        customers_steps.run_all(window)
        import_steps.import_taobao_gbk_csv(window, scratch)
        backup_and_restore(window, backup_dir)
        backup_steps.grow_store(cli, data_dir, int(os.environ.get("LAOKE_E2E_GROW_MB", "40")))
        backup_steps.backup_with_progress(window, backup_dir)
        backup_steps.list_and_preview(window, backup_dir, OWNER_PASSWORD, customers_total(window))
        backup_steps.export_card_is_there(window)
        settings_lists_users(window)
        lock_and_unlock(window, "zh")
        english_everywhere(window)
        log_in_again(window)
        orders_steps.orders_in_english(window)
        loyalty_steps.overview_in_english(window)
        loyalty_steps.order_entry_in_english(window)
        window.click("lang-zh")
        loyalty_steps.order_with_points_and_coupon(window)
        window.click("lang-en")
        import_steps.reimport_and_undo_in_english(window, scratch)
        window.click("lang-zh")
        customers_steps.rep_sees_masked_phones_and_reveals(window, cli, data_dir)
        tickets_steps.run_all(window, cli, data_dir)
        ok = True
        log(f"PASS in {time.monotonic() - started:.0f}s; screenshots: {', '.join(window.shots)}")
    except (AssertionError, WebDriverException, RuntimeError, subprocess.SubprocessError) as e:
        log(f"FAIL: {e}")
        traceback.print_exc()
        if window is not None:
            try:
                window.shot("failure")
                (args.artifacts / "failure.html").write_text(driver.page_source, encoding="utf-8")
            except WebDriverException:
                pass
    finally:
        if driver is not None:
            try:
                driver.quit()
            except WebDriverException:
                pass
        driver_proc.terminate()
        try:
            driver_proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            driver_proc.kill()
        driver_log.close()
        if args.keep or not ok:
            log(f"kept data folder {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)

    if ok and args.update_docs:
        docs = REPO / "docs" / "screenshots"
        docs.mkdir(parents=True, exist_ok=True)
        for name in sorted(DOC_SHOTS):
            src = args.artifacts / f"{name}.png"
            if src.exists():
                shutil.copyfile(src, docs / src.name)
        log(f"updated {docs.relative_to(REPO)}")
    if not ok:
        log(f"tauri-driver log: {args.artifacts / 'tauri-driver.log'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

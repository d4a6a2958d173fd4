#!/usr/bin/env python3
"""E2E steps for the customer record screens, for the main flow (app_flow.py) to call.

Each step takes the flow's `Window` and starts from any screen of the logged-in main layout
(owner). In order:

    customer_form_validates_and_creates(w)    new customer form: a bad email is refused naming
                                              the field; two phones, a nick, a birthday without
                                              year → the 360 page shows them
    consent_is_recorded_and_withdrawn(w)      360 page: record SMS consent, withdraw all
    duplicate_is_merged_and_undone(w)         a second record with the same number written
                                              differently → duplicates page → side-by-side merge
                                              → undo
    recycle_bin_restores(w)                   delete from the 360 page → recycle bin → restore
    customer_screens_in_english(w)            360, duplicates and merge in English, back to Chinese
    customer_360_shows_orders(w)              after `laoke demo`: sorted by spend, the first
                                              customer's 360 page lists orders
    rep_sees_masked_phones_and_reveals(w, cli, data_dir)   a rep added by the CLI logs in, sees
                                              138****8888 and reveals the full number (logged)

Run alone (wizard → these steps), e.g. while working on these screens:

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/e2e/customers_steps.py \\
        --app target/debug/laoke-app --cli target/debug/laoke --port 4481 --native-port 4482
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

sys.path.insert(0, str(Path(__file__).resolve().parent))

import app_flow  # noqa: E402  (the flow's Window, plumbing and first steps)
from app_flow import Window, log  # noqa: E402

NAME = "林小雨"
PHONE_TYPED = "138-0013-8888"
PHONE_SHOWN = "13800138888"
SAME_PHONE_OTHER_SPELLING = "0086 138 0013 8888"
SECOND_PHONE = "+86 139 0000 1111"
REP = "kefu"
REP_PASSWORD = "rep password 12"


def confirm_popover(w: Window) -> None:
    """Clicks OK in the open antd Popconfirm (it renders in a portal without a test id)."""
    def ok_button():
        for el in w.d.find_elements(By.CSS_SELECTOR, ".ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary"):
            if el.is_displayed():
                return el
        return False

    w.settle(0.5)
    w.wait_until("the confirmation pops up", ok_button).click()


def open_customer(w: Window, name: str) -> None:
    w.click("nav-customers")
    w.type("customers-search", name)
    w.wait_until(f"{name} is listed", lambda: w.count("customer-row") > 0 and name in w.text("customers-table"))
    w.settle(0.4)

    def click_first_row():
        # The table may re-render (debounced search) between finding a row and clicking it.
        try:
            rows = [r for r in w.d.find_elements(By.CSS_SELECTOR, '[data-testid="customer-row"]') if r.is_displayed()]
            if not rows or name not in rows[0].text:
                return False
            cell = rows[0].find_elements(By.CSS_SELECTOR, "td")[0]
            w.d.execute_script("arguments[0].click();", cell)
            return True
        except StaleElementReferenceException:
            return False

    w.wait_until(f"the row of {name} can be clicked", click_first_row, timeout=15)
    w.visible("page-customer-360")
    w.wait_until("the 360 page shows the name", lambda: name in w.text("c360-name"))


def customer_form_validates_and_creates(w: Window) -> None:
    log("customers → new customer: a bad email is refused with the field named")
    w.click("nav-customers")
    w.click("customer-new")
    w.visible("page-customer-form")
    w.type("cf-name", NAME)
    w.type("cf-phone-0", PHONE_TYPED)
    w.type("cf-email", "linxiaoyu.qq.com")
    w.click("cf-save")
    err = w.visible("customer-form-error")
    assert "邮箱" in err.text, f"the error should name the email field: {err.text!r}"
    w.shot("customer-form-error-zh")

    log("fix the email, add a second phone, a Taobao nick and a birthday without year")
    w.type("cf-email", "linxiaoyu@example.com")
    w.click("cf-add-phone")
    w.type("cf-phone-1", SECOND_PHONE)
    w.type("cf-birthday", "05-01")
    w.click("cf-add-nick")
    w.type("cf-nick-0", "小雨爱喝茶")
    w.type("cf-city", "杭州")
    w.shot("customer-form-zh")
    w.click("cf-save")
    w.visible("page-customer-360")
    w.wait_until("the name is shown", lambda: NAME in w.text("c360-name"))
    phones = w.text("c360-phones")
    assert PHONE_SHOWN in phones and "13900001111" in phones, f"both phones, normalised: {phones!r}"
    w.shot("customer-360-zh")


def consent_is_recorded_and_withdrawn(w: Window) -> None:
    log("360 page: record SMS consent from the in-store form, then withdraw everything")
    open_customer(w, NAME)
    w.click("consent-record")
    w.settle()
    box = w.wait_until(
        "the SMS checkbox",
        lambda: (w.d.find_elements(By.CSS_SELECTOR, '.ant-modal input[type="checkbox"][value="sms"]') or [False])[0],
    )
    w.settle(0.8)  # the modal zooms in; a click during the animation lands elsewhere
    w.d.execute_script("arguments[0].click();", box)
    w.wait_until(
        "SMS is ticked",
        lambda: any(el.is_selected() for el in w.d.find_elements(By.CSS_SELECTOR, '.ant-modal input[type="checkbox"][value="sms"]')),
        timeout=5,
    )
    def save_button():
        for el in w.d.find_elements(By.CSS_SELECTOR, '[data-testid="consent-save"], .ant-modal-footer .ant-btn-primary'):
            if el.is_displayed() and el.is_enabled():
                return el
        return False

    w.d.execute_script("arguments[0].click();", w.wait_until("the save button", save_button))
    w.wait_until("SMS shows as agreed", lambda: "同意" in w.text("consent-sms") and "不同意" not in w.text("consent-sms"))
    w.shot("customer-consent-zh")
    w.click("consent-withdraw")
    confirm_popover(w)
    w.wait_until("every channel shows as declined", lambda: all("不同意" in w.text(f"consent-{c}") for c in ("sms", "phone", "wechat", "email")))


def duplicate_is_merged_and_undone(w: Window) -> None:
    log("a second record with the same number written differently is suggested as a duplicate")
    w.click("nav-customers")
    w.click("customer-new")
    w.type("cf-name", NAME)
    w.type("cf-phone-0", SAME_PHONE_OTHER_SPELLING)
    w.click("cf-save")
    w.visible("page-customer-360")
    w.click("nav-customers")
    w.click("customers-duplicates")
    w.visible("duplicates-table")
    w.wait_until("the pair is suggested", lambda: w.count("duplicate-row") >= 1 and NAME in w.text("duplicates-table"))
    assert "同手机号" in w.text("duplicates-table")
    w.shot("duplicates-zh")

    log("compare side by side and merge")
    w.click("duplicate-merge")
    w.visible("merge-table")
    w.shot("merge-zh")
    w.click("merge-ok")
    w.gone("merge-table")
    w.wait_until("the merge can be undone", lambda: w.count("merge-record") >= 1)
    w.wait_until("no duplicates are left", lambda: w.count("duplicate-row") == 0)
    w.shot("duplicates-merged-zh")

    log("undo the merge: both records are back and suggested again")
    w.click("merge-undo")
    confirm_popover(w)
    w.wait_until("the pair is suggested again", lambda: w.count("duplicate-row") >= 1)


def recycle_bin_restores(w: Window) -> None:
    log("delete a customer from the 360 page; restore it from the recycle bin")
    open_customer(w, NAME)
    w.click("c360-delete")
    confirm_popover(w)
    w.visible("page-customers")
    w.click("customers-recycle-bin")
    w.visible("recycle-table")
    w.wait_until("the customer is in the bin", lambda: NAME in w.text("recycle-table"))
    w.shot("recycle-bin-zh")
    w.click("recycle-restore")
    w.wait_until("the bin is empty again", lambda: w.count("recycle-restore") == 0)


def customer_360_shows_orders(w: Window) -> None:
    """Needs customers with orders (e.g. after `laoke demo`): the first listed one's 360 page."""
    log("a customer with orders: lifetime numbers and the order timeline")
    w.click("nav-customers")
    w.clear(w.input("customers-search"))
    w.visible("customers-table")
    w.wait_until("customer rows are shown", lambda: w.count("customer-row") > 1)
    w.settle(0.4)
    w.shot("customers-list-zh")
    # Sort by spend, biggest first, so the first row has orders.
    for th in w.d.find_elements(By.CSS_SELECTOR, '[data-testid="customers-table"] th'):
        if th.is_displayed() and "消费" in th.text:
            th.click()
            w.settle(0.6)
            if "descend" not in (th.get_attribute("aria-sort") or ""):
                th.click()
            break
    w.settle(0.6)
    rows = [r for r in w.d.find_elements(By.CSS_SELECTOR, '[data-testid="customer-row"]') if r.is_displayed()]
    w.d.execute_script("arguments[0].click();", rows[0].find_elements(By.CSS_SELECTOR, "td")[0])
    w.visible("page-customer-360")
    w.wait_until("the order timeline has rows", lambda: len(w.d.find_elements(By.CSS_SELECTOR, '[data-testid="c360-orders"] tbody tr.ant-table-row')) > 0)
    w.shot("customer-360-orders-zh")


def customer_screens_in_english(w: Window) -> None:
    log("the customer screens in English")
    w.click("lang-en")
    w.wait_until("the navigation is in English", lambda: "Customers" in w.text("nav-customers"))
    open_customer(w, NAME)
    w.wait_until("the 360 page is in English", lambda: "SMS" in w.text("consent-sms"))
    w.shot("customer-360-en")
    w.click("nav-customers")
    w.click("customers-duplicates")
    w.visible("duplicates-table")
    w.wait_until("the pair is listed", lambda: w.count("duplicate-row") >= 1)
    w.shot("duplicates-en")
    w.click("duplicate-merge")
    w.visible("merge-table")
    w.shot("merge-en")
    for el in w.d.find_elements(By.CSS_SELECTOR, ".ant-modal .ant-modal-close"):
        if el.is_displayed():
            el.click()
    w.gone("merge-table")
    w.click("lang-zh")
    w.wait_until("the navigation is in Chinese", lambda: "客户" in w.text("nav-customers"))


def demo_with_orders(cli: Path, data_dir: Path) -> None:
    """`laoke demo` with orders, so a 360 page has a timeline (the main flow's demo has none)."""
    env = dict(os.environ, LAOKE_PASSWORD=app_flow.OWNER_PASSWORD, LAOKE_USER=app_flow.OWNER)
    cmd = [str(cli), "demo", "--data-dir", str(data_dir), "--customers", "200", "--orders", "800", "--seed", "7"]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    log(f"$ {' '.join(cmd[1:])} → exit {out.returncode}")
    assert out.returncode == 0, out.stderr


def rep_sees_masked_phones_and_reveals(w: Window, cli: Path, data_dir: Path) -> None:
    """A service rep (added through the CLI) sees 138****8888 and reveals one customer on the record."""
    log("a service rep sees phones masked; 'show full contacts' reveals them and is logged")
    env = dict(os.environ, LAOKE_PASSWORD=app_flow.OWNER_PASSWORD, LAOKE_USER=app_flow.OWNER,
               LAOKE_NEW_PASSWORD=REP_PASSWORD)
    out = subprocess.run([str(cli), "user", "add", REP, "--role", "rep", "--data-dir", str(data_dir)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    w.user_menu("menu-logout")
    w.visible("login-username")
    w.type("login-username", REP)
    w.type("login-password", REP_PASSWORD)
    w.click("login-submit")
    w.visible("nav-customers", timeout=60)
    open_customer(w, NAME)
    phones = w.text("c360-phones")
    assert "138****8888" in phones and PHONE_SHOWN not in phones, f"a rep sees masked phones: {phones!r}"
    w.shot("customer-360-rep-zh")
    w.click("c360-reveal")
    w.visible("c360-revealed")
    w.wait_until("the full number is shown", lambda: PHONE_SHOWN in w.text("c360-phones"))
    w.shot("customer-360-rep-revealed-zh")


def run_all(w: Window) -> None:
    customer_form_validates_and_creates(w)
    consent_is_recorded_and_withdrawn(w)
    duplicate_is_merged_and_undone(w)
    recycle_bin_restores(w)
    customer_screens_in_english(w)


if __name__ == "__main__":
    # Standalone: app_flow's plumbing (driver, isolated data folder, artifacts) with the wizard
    # and then only these steps; the flow's other steps are skipped for this run.
    state: dict = {}

    def remember(cli, data_dir):
        state["cli"], state["data_dir"] = cli, data_dir

    def steps(w: Window) -> None:
        run_all(w)
        demo_with_orders(state["cli"], state["data_dir"])
        customer_360_shows_orders(w)
        rep_sees_masked_phones_and_reveals(w, state["cli"], state["data_dir"])

    app_flow.wrong_password_shows_an_error = lambda w: None
    app_flow.cli_adds_demo_customers = remember
    app_flow.login_shows_customers = steps
    app_flow.backup_and_restore = lambda w, backup_dir: None
    app_flow.settings_lists_users = lambda w: None
    app_flow.lock_and_unlock = lambda w, lang: None
    app_flow.english_everywhere = lambda w: None
    sys.exit(app_flow.main())

"""E2E steps for the service desk (issue 5, helper H11), for app_flow.py to call.

    import tickets_steps
    tickets_steps.run_all(window, cli, data_dir)   # after customers_steps.rep_sees_masked_phones_and_reveals

Starts logged in as the service rep (kefu) with the Chinese UI, the customer 林小雨
(138-0013-8888) on file. The CLI adds demo tickets so the queues and Today have content, then the
rep logs a complaint with the keyboard only (Ctrl+N, phone digits, Enter, Tab through the fields,
Ctrl+Enter), moves it through the states (assign → in progress → waiting → in progress), adds a
reply from a 话术 template, resolves it with CSAT 5, a root cause and a refund note, sees it all
on the timeline, then the queue and the Today page with counts; one follow-up is logged from
Today; the ticket page and queue in English. The dialog's order (↓↓ Enter when the customer has
orders), assignee (left unassigned) and tags (typed + Enter) are reached with Tab; the timeline
names the assignee. Then the rep sees Settings → hours & holidays read-only; the owner logs in,
closes Sunday at 18:00, turns an official holiday into a working day (marked as overriding the
official schedule), sees 导出 Excel on the report page, and the settings tab in English.

Screenshots: ticket-new-zh, ticket-resolve-zh, ticket-zh, customer-followups-zh, tickets-zh,
tickets-report-zh, today-zh, ticket-en, tickets-en, settings-desk-zh, settings-desk-en,
tickets-report-export-zh (and ticket-waiting-zh, today-followup-zh, settings-desk-rep-zh).

Standalone (wizard, a customer, the rep, then only these steps):
    xvfb-run -a python tests/e2e/tickets_steps.py --app … --cli … --port 4467 --native-port 4468
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import app_flow

PHONE_FRAGMENT = "800138888"  # part of 13800138888 (customers_steps.PHONE_SHOWN)
SUBJECT = "龙井茶收到时受潮"
DESCRIPTION = "客户来电：两盒茶叶包装破损受潮，要求处理。"
REFUND = "20"
REFUND_SHOWN = "¥20.00"


def _log(msg: str) -> None:
    print(f"[e2e tickets] {msg}", flush=True)


def _active(w):
    return w.d.switch_to.active_element


def _is_input(w, test_id: str) -> bool:
    try:
        return _active(w) == w.input(test_id)
    except Exception:  # noqa: BLE001 - a stale element while React re-renders
        return False


def _pick_first_option(w, test_id: str, typed: str = "") -> str:
    box = w.input(test_id)
    try:
        box.click()
    except WebDriverException:
        # A searchable Select draws its placeholder over the input: click the Select itself.
        w.visible(test_id).click()
    if typed:
        w.wait_until(f"[{test_id}] has the focus", lambda: _active(w) == box, timeout=5)
        box.send_keys(typed)

    def first_option():
        for el in w.d.find_elements(By.CSS_SELECTOR, ".ant-select-dropdown .ant-select-item-option"):
            if el.is_displayed():
                return el
        return False

    opt = w.wait_until(f"[{test_id}] shows options", first_option)
    label = (opt.get_attribute("title") or opt.text or "").strip()
    opt.click()
    return label


def demo_tickets(cli: Path, data_dir: Path) -> None:
    """Demo tickets (with timelines, CSAT, follow-ups) so the queues and Today are not empty."""
    env = dict(os.environ, LAOKE_PASSWORD=app_flow.OWNER_PASSWORD, LAOKE_USER=app_flow.OWNER)
    cmd = [str(cli), "demo", "--data-dir", str(data_dir), "--customers", "40", "--orders", "120",
           "--tickets", "120", "--seed", "11"]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    _log(f"$ {' '.join(cmd[1:])} → exit {out.returncode}: {out.stdout.strip().splitlines()[-1:]}")
    assert out.returncode == 0, out.stderr


def rep_logs_a_complaint_with_the_keyboard(w) -> int:
    _log("Ctrl+N from the customers list; phone digits find the customer; Tab, Tab, Tab; Ctrl+Enter")
    w.click("nav-customers")
    w.visible("customers-table")
    body = w.d.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.CONTROL, "n")
    w.visible("new-ticket")
    w.wait_until("the customer box has the focus", lambda: _is_input(w, "new-ticket-find"), timeout=10)
    _active(w).send_keys(PHONE_FRAGMENT)
    w.wait_until("the customer is found by phone digits", lambda: w.count("new-ticket-hit") > 0)
    _active(w).send_keys(Keys.ENTER)
    picked = w.text("new-ticket-customer-picked")
    assert picked, "a customer was picked with Enter"
    _log(f"picked {picked!r}; type 投诉, channel 电话 and P2 are the defaults")
    # Focus is on the type; Tab → channel → priority → subject.
    for _ in range(3):
        _active(w).send_keys(Keys.TAB)
    w.wait_until("Tab reached the subject", lambda: _is_input(w, "new-ticket-subject"), timeout=5)
    _active(w).send_keys(SUBJECT)
    _active(w).send_keys(Keys.TAB)
    w.wait_until("Tab reached the description", lambda: _is_input(w, "new-ticket-description"), timeout=5)
    _active(w).send_keys(DESCRIPTION)
    order_no = _pick_an_order_by_keyboard(w)
    w.shot("ticket-new-zh")
    _active(w).send_keys(Keys.CONTROL, Keys.ENTER)

    w.visible("page-ticket")
    w.wait_until("the new ticket is shown", lambda: SUBJECT in w.text("ticket-title"))
    title = w.text("ticket-title")
    m = re.search(r"T0*(\d+)", title)
    assert m, f"a ticket number in {title!r}"
    assert w.text("ticket-state") == "新建", w.text("ticket-state")
    assert picked in w.text("ticket-customer")
    if order_no:
        header = w.text("ticket-header")
        assert order_no in header, f"the ticket links order {order_no}: {header!r}"
    _log(f"created {title!r}")
    return int(m.group(1))


def _selected(w, test_id: str) -> str:
    """The label an antd Select shows (its title attribute: the text itself may be cut with …)."""
    items = w.visible(test_id).find_elements(By.CSS_SELECTOR, ".ant-select-selection-item")
    return (items[0].get_attribute("title") or items[0].text or "").strip() if items else ""


def _pick_an_order_by_keyboard(w) -> str:
    """Tab from the description to the order (skipped by Tab when the customer has no orders),
    ↓↓ Enter picks the most recent order; then Tab reaches the assignee (left unassigned) and
    the tags. Returns the order number picked, or "" when the customer has none."""
    _active(w).send_keys(Keys.TAB)
    order_no = ""
    if _is_input(w, "new-ticket-order"):
        _active(w).send_keys(Keys.ARROW_DOWN)
        w.settle(0.3)
        _active(w).send_keys(Keys.ARROW_DOWN)
        _active(w).send_keys(Keys.ENTER)
        w.wait_until("an order is picked", lambda: "·" in _selected(w, "new-ticket-order"), timeout=5)
        order_no = _selected(w, "new-ticket-order").split("·")[0].strip()
        _log(f"order {order_no!r} picked with ↓↓ Enter")
        _active(w).send_keys(Keys.TAB)
    else:
        _log("the customer has no orders: Tab skips the (disabled) order select")
    w.wait_until("Tab reached the assignee", lambda: _is_input(w, "new-ticket-assignee"), timeout=5)
    assert _selected(w, "new-ticket-assignee") == "暂不分配", _selected(w, "new-ticket-assignee")
    _active(w).send_keys(Keys.TAB)
    w.wait_until("Tab reached the tags", lambda: _is_input(w, "new-ticket-tags"), timeout=5)
    _active(w).send_keys("受潮")
    _active(w).send_keys(Keys.ENTER)
    w.wait_until("the tag is added", lambda: _selected(w, "new-ticket-tags") == "受潮", timeout=5)
    return order_no


def moves_it_through_the_states(w) -> None:
    _log("assign to me → 处理中 → a 话术 reply → 待客户回复 (clock paused) → 处理中")
    w.click("ticket-assign-me")
    w.wait_until("assigned", lambda: w.text("ticket-state") == "已分配")
    change = [el.text for el in w.d.find_elements(By.CSS_SELECTOR, '[data-testid="timeline-entry"][data-kind="assignee"]')]
    assert change and all(not re.search(r"#\d", c) for c in change), f"the timeline names the assignee: {change}"
    assert "受潮" in w.text("ticket-header"), "the tag typed in the dialog is on the ticket"
    w.click("ticket-to-in_progress")
    w.wait_until("in progress", lambda: w.text("ticket-state") == "处理中")

    title = _pick_first_option(w, "ticket-template", "首次回复")
    box = w.input("ticket-entry-body")
    w.wait_until("the template is filled in", lambda: len(box.get_attribute("value") or "") > 5)
    text = box.get_attribute("value")
    assert "{姓名}" not in text and "{工单号}" not in text, f"placeholders left: {text!r}"
    _log(f"template {title!r} → {text[:40]!r}…")
    entries = w.count("timeline-entry")
    box.send_keys(Keys.CONTROL, Keys.ENTER)
    w.wait_until("the reply is on the timeline", lambda: w.count("timeline-entry") > entries)
    w.wait_until("first response met", lambda: w.text("ticket-sla-first-text") == "已达成")

    w.click("ticket-to-waiting")
    w.wait_until("waiting on the customer", lambda: w.text("ticket-state") == "待客户回复")
    w.wait_until("the resolution clock is paused", lambda: w.text("ticket-sla-resolution-text") == "已暂停")
    w.shot("ticket-waiting-zh")
    w.click("ticket-to-in_progress")
    w.wait_until("back in progress", lambda: w.text("ticket-state") == "处理中")


def resolves_with_csat_and_compensation(w) -> None:
    _log("resolve: CSAT 5, root cause, a ¥20 refund note and 50 points through the ledger")
    w.click("ticket-resolve")
    w.visible("resolve-dialog")
    w.settle(0.8)
    stars = w.d.find_elements(By.CSS_SELECTOR, '[data-testid="resolve-csat"] li.ant-rate-star > div')
    assert len(stars) == 5, f"five stars, found {len(stars)}"
    stars[4].click()
    cause = _pick_first_option(w, "resolve-cause")
    w.type("resolve-note", "补发两盒，已致歉")
    w.type("resolve-refund", REFUND)
    w.type("resolve-refund-note", "受潮补偿")
    w.type("resolve-points", "50")
    w.type("resolve-points-reason", "受潮致歉积分")
    w.shot("ticket-resolve-zh")
    w.click("resolve-submit")
    w.gone("resolve-dialog")
    w.wait_until("resolved", lambda: w.text("ticket-state") == "已解决")
    assert w.text("ticket-csat") == "5", w.text("ticket-csat")
    comp = w.text("ticket-compensation")
    assert REFUND_SHOWN in comp and "受潮补偿" in comp, comp
    assert "补偿 50 积分" in comp and "受潮致歉积分" in comp, comp
    kinds = [el.get_attribute("data-kind") for el in w.d.find_elements(By.CSS_SELECTOR, '[data-testid="timeline-entry"]')]
    for k in ("created", "assignee", "state", "message", "resolution"):
        assert k in kinds, f"the timeline has a {k} entry: {kinds}"
    _log(f"resolved (cause {cause!r}); timeline: {kinds}")
    w.visible("ticket-to-in_progress")  # reopen is offered
    w.shot("ticket-zh")


def follow_up_on_the_customer(w) -> None:
    _log("the customer link opens the 360 page; log a 回访 in its follow-up card")
    w.click("ticket-customer")
    w.visible("customer-followups")
    w.wait_until(
        "the 50 compensation points are in the customer's points history",
        lambda: "受潮致歉积分" in w.d.find_element(By.TAG_NAME, "body").text,
    )
    before = w.count("customer-followup")
    w.click("customer-followup-add")
    w.visible("followup-dialog")
    w.type("followup-notes", "回访：补发已收到，客户满意")
    w.click("followup-save")
    w.gone("followup-dialog")
    w.wait_until("the follow-up is listed", lambda: w.count("customer-followup") == before + 1)
    w.d.execute_script("arguments[0].scrollIntoView({block: 'center'});", w.visible("customer-followups"))
    w.shot("customer-followups-zh")


def queue_and_today(w) -> None:
    _log("the queue with counts, then Today with counts and one follow-up logged")
    w.click("nav-tickets")
    w.visible("page-tickets")
    w.click("queue-all")
    w.wait_until("tickets are listed", lambda: w.count("ticket-row") > 5)
    counts = {q: w.text(f"queue-count-{q}") for q in ("mine", "unassigned", "due_soon", "breached", "waiting")}
    _log(f"queue counts: {counts}")
    assert all(re.fullmatch(r"\d+", c) for c in counts.values()), counts
    w.shot("tickets-zh")
    w.click("tickets-reports")
    w.visible("page-ticket-reports")
    w.wait_until("the report table has rows", lambda: "W" in w.text("report-table"))
    w.shot("tickets-report-zh")

    w.click("nav-today")
    w.visible("page-today")
    sections = ("today-breached", "today-due-soon", "today-followups", "today-unpaid", "today-birthdays")
    today_counts = {s: w.text(f"{s}-count") for s in sections}
    _log(f"Today counts: {today_counts}")
    assert all(re.fullmatch(r"\d+", c) for c in today_counts.values()), today_counts
    w.shot("today-zh")
    if w.count("today-log"):
        w.click("today-log")
        w.visible("followup-dialog")
        w.type("followup-notes", "已电话联系，客户满意")
        w.shot("today-followup-zh")
        w.click("followup-save")
        w.gone("followup-dialog")


def in_english(w, ticket_id: int) -> None:
    _log("the ticket page and the queue in English")
    # Toasts from the Chinese steps (3 s) must not end up in the English screenshots.
    w.settle(3.5)
    w.wait_until("the toasts are gone", lambda: not w.d.find_elements(By.CSS_SELECTOR, ".ant-message-notice"), timeout=10)
    w.click("lang-en")
    w.wait_until("the navigation is in English", lambda: "Tickets" in w.text("nav-tickets"))
    w.d.execute_script(f"window.location.hash = '#/tickets/{ticket_id}'")
    w.visible("page-ticket")
    w.wait_until("the state reads in English", lambda: w.text("ticket-state") == "Resolved")
    w.shot("ticket-en")
    w.click("nav-tickets")
    w.wait_until("tickets are listed", lambda: w.count("ticket-row") > 0)
    w.shot("tickets-en")
    w.click("lang-zh")
    w.wait_until("back in Chinese", lambda: "工单" in w.text("nav-tickets"))


def rep_sees_hours_read_only(w) -> None:
    _log("the rep sees Settings → hours & holidays read-only, and the report export is not offered")
    w.click("nav-settings")
    w.click("settings-tab-desk")
    w.visible("desk-readonly")
    w.wait_until("the calendar is listed", lambda: w.count("desk-cal-row") > 0)
    assert not w.d.find_elements(By.CSS_SELECTOR, '[data-testid="desk-hours-save"]'), "no save for a rep"
    assert not w.d.find_elements(By.CSS_SELECTOR, '[data-testid="desk-edit"]'), "no calendar edits for a rep"
    w.shot("settings-desk-rep-zh")


def owner_edits_hours_and_holidays(w) -> None:
    _log("the owner: Sunday closes at 18:00, an official holiday becomes a working day (shown as an override)")
    w.user_menu("menu-logout")
    w.visible("login-username")
    w.type("login-username", app_flow.OWNER)
    w.type("login-password", app_flow.OWNER_PASSWORD)
    w.click("login-submit")
    w.visible("nav-customers", timeout=60)
    w.settle(1.0)
    w.d.execute_script("window.location.hash = '#/settings/desk'")
    w.visible("desk-hours-save")
    w.wait_until("the calendar is listed", lambda: w.count("desk-cal-row") > 0)
    _pick_option_text(w, "desk-day-6-to", "18:00")
    w.click("desk-hours-save")
    w.wait_until("saved", lambda: "营业时间已保存" in w.d.find_element(By.TAG_NAME, "body").text)
    w.wait_until("the calendar is listed", lambda: w.count("desk-cal-row") > 0)
    before = w.count("desk-override")
    w.click("desk-edit")  # the first official entry of the year
    w.visible("desk-form")
    w.settle(0.8)  # the dialog's zoom-in
    workday = w.d.find_element(By.CSS_SELECTOR, '[data-testid="desk-form-kind"] input[value="workday"]').find_element(By.XPATH, "ancestor::label")
    workday.click()
    w.wait_until("调休上班 is chosen", lambda: "checked" in (workday.get_attribute("class") or ""), timeout=5)
    w.type("desk-form-name", "店里照常营业")
    w.click("desk-form-save")
    w.gone("desk-form")
    w.wait_until("the override is marked", lambda: w.count("desk-override") == before + 1)
    row = w.d.find_element(By.CSS_SELECTOR, '[data-testid="desk-cal-row"]')
    text = row.text
    assert "调休上班" in text and "覆盖官方（休息" in text and "店里照常营业" in text, text
    w.settle(3.5)  # the toast fades
    w.shot("settings-desk-zh")

    _log("the owner's report page offers 导出 Excel")
    w.click("nav-tickets")
    w.visible("page-tickets")
    w.click("tickets-reports")
    w.visible("page-ticket-reports")
    w.wait_until("the report table has rows", lambda: "W" in w.text("report-table"))
    button = w.visible("report-export")
    assert button.is_enabled(), "the owner may export the report"
    w.shot("tickets-report-export-zh")

    w.settle(3.5)
    w.click("lang-en")
    w.wait_until("the navigation is in English", lambda: "Tickets" in w.text("nav-tickets"))
    w.click("nav-settings")
    w.click("settings-tab-desk")
    w.wait_until("the calendar is in English", lambda: "Overrides official" in w.text("desk-cal-table"))
    w.shot("settings-desk-en")
    w.click("lang-zh")
    w.wait_until("back in Chinese", lambda: "工单" in w.text("nav-tickets"))


def _pick_option_text(w, test_id: str, label: str) -> None:
    box = w.input(test_id)
    try:
        box.click()
    except WebDriverException:
        w.visible(test_id).click()
    box.send_keys(label)

    def option():
        for el in w.d.find_elements(By.CSS_SELECTOR, ".ant-select-dropdown .ant-select-item-option"):
            if el.is_displayed() and (el.get_attribute("title") or el.text).strip() == label:
                return el
        return False

    w.wait_until(f"[{test_id}] offers {label}", option).click()
    w.wait_until(f"[{test_id}] shows {label}", lambda: _selected(w, test_id) == label)


def run_all(w, cli: Path, data_dir: Path) -> None:
    demo_tickets(cli, data_dir)
    ticket_id = rep_logs_a_complaint_with_the_keyboard(w)
    moves_it_through_the_states(w)
    resolves_with_csat_and_compensation(w)
    follow_up_on_the_customer(w)
    queue_and_today(w)
    in_english(w, ticket_id)
    rep_sees_hours_read_only(w)
    owner_edits_hours_and_holidays(w)


if __name__ == "__main__":
    import backup_steps
    import customers_steps
    import import_steps
    import loyalty_steps
    import orders_steps
    import search_steps
    import tickets_steps as as_imported  # the copy app_flow.main() imports and calls

    state: dict = {}
    creates_customer = customers_steps.customer_form_validates_and_creates
    rep_logs_in = customers_steps.rep_sees_masked_phones_and_reveals

    def remember(cli, data_dir):
        state["cli"], state["data_dir"] = cli, data_dir

    def steps(w) -> None:
        creates_customer(w)
        rep_logs_in(w, state["cli"], state["data_dir"])
        run_all(w, state["cli"], state["data_dir"])

    def skip(*_args, **_kw) -> None:
        return None

    # Only the steps above run: every other area's steps are skipped for this run.
    for module, names in (
        (search_steps, ["search_finds_a_two_character_name"]),
        (orders_steps, ["manual_sale_and_refund", "customer_filters_and_totals", "orders_in_english"]),
        (loyalty_steps, ["loyalty_area_and_coupon", "customer_points_adjusted", "overview_in_english"]),
        (customers_steps, ["run_all", "rep_sees_masked_phones_and_reveals"]),
        (import_steps, ["import_taobao_gbk_csv", "reimport_and_undo_in_english"]),
        (backup_steps, ["grow_store", "backup_with_progress", "list_and_preview", "export_card_is_there"]),
        (as_imported, ["run_all"]),
    ):
        for name in names:
            setattr(module, name, skip)
    app_flow.customers_total = lambda w: 0
    app_flow.log_in_again = skip

    app_flow.wrong_password_shows_an_error = lambda w: None
    app_flow.cli_adds_demo_customers = remember
    app_flow.login_shows_customers = steps
    app_flow.backup_and_restore = lambda w, backup_dir: None
    app_flow.settings_lists_users = lambda w: None
    app_flow.lock_and_unlock = lambda w, lang: None
    app_flow.english_everywhere = lambda w: None
    sys.exit(app_flow.main())

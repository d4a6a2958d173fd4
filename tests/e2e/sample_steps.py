"""E2E steps for the sample shop and the first day (issue 17), for app_flow.py to call.

    import sample_steps
    sample_steps.walk_the_sample_shop(window)          # from the wizard's welcome screen
    ...more steps on the sample shop (insight_steps.run_all)
    sample_steps.leave_the_sample_shop(window)
    ...create the real shop; the wizard's backup step then:
    sample_steps.wizard_chooses_a_backup_folder(window, place="坚果云")
    sample_steps.banner_goes_after_the_first_backup(window, folder)

From an empty data folder the owner opens the sample shop from the wizard ("先看看示例店铺"),
which is generated (about 2,000 customers, two years of orders, tickets, loyalty) and walks its
screens: 工作台, 今日待办, customers, a customer's 360, orders, tickets, the service report,
loyalty, Settings → hours & holidays; each has real content and is screenshotted at the window
size the docs use. "开始使用我的店铺" leaves it for the real shop's creation. The real shop's
wizard ends with the backup step: a cloud sync folder found in the home folder is chosen; the
owner's banner says there is no verified backup yet, and its one button backs up, after which the
banner is gone and the backup file is in the folder.

Screenshots: sample-dashboard-zh, sample-today-zh, sample-customers-zh, sample-customer-360-zh,
sample-orders-zh, sample-tickets-zh, sample-tickets-report-zh, sample-loyalty-zh,
sample-holidays-zh, wizard-backup-zh, backup-banner-zh.
"""

from __future__ import annotations

import re
from pathlib import Path

from selenium.webdriver.common.by import By

from app_flow import Window, log, sel

SAMPLE_CUSTOMERS_AT_LEAST = 1500


def _rows(w: Window, table: str) -> int:
    """Rows shown in a table, once it has finished loading (0 while its spinner turns)."""
    if w.d.find_elements(By.CSS_SELECTOR, f"{sel(table)} .ant-spin-spinning"):
        return 0
    return len(w.d.find_elements(By.CSS_SELECTOR, f"{sel(table)} .ant-table-row"))


def _number(text: str) -> int:
    found = re.search(r"\d+", text.replace(",", ""))
    assert found, f"no number in {text!r}"
    return int(found.group())


def walk_the_sample_shop(w: Window) -> None:
    log("first run: open the sample shop from the wizard (it is generated now)")
    w.click("wizard-demo")
    w.visible("sample-banner", timeout=600)
    w.visible("page-dashboard", timeout=60)
    w.wait_until("the dashboard counts the customers", lambda: re.search(r"\d", w.text("dashboard-customers")))
    w.shot("sample-dashboard-zh")

    w.click("nav-today")
    w.visible("page-today")
    w.wait_until(
        "Today lists work (tickets, follow-ups, expiring points or coupons)",
        lambda: sum(w.count(t) for t in ("today-ticket", "today-followup", "today-points-row", "today-coupon-row")) > 0,
        timeout=60,
    )
    w.shot("sample-today-zh")

    w.click("nav-customers")
    w.visible("customers-table")
    w.wait_until("customer rows are shown", lambda: w.count("customer-row") > 0)
    w.wait_until("the total is counted", lambda: re.search(r"\d", w.text("customers-total")))
    total = _number(w.text("customers-total"))
    assert total >= SAMPLE_CUSTOMERS_AT_LEAST, f"the sample shop has {total} customers"
    log(f"sample shop: {total} customers")
    w.shot("sample-customers-zh")
    w.click("customer-row")
    w.visible("page-customer-360")
    w.visible("c360-orders")
    w.shot("sample-customer-360-zh")

    w.click("nav-orders")
    w.visible("orders-table")
    w.wait_until("order rows are shown", lambda: _rows(w, "orders-table") > 0, timeout=60)
    w.wait_until("the orders total is counted", lambda: re.search(r"\d", w.text("orders-total")))
    orders = _number(w.text("orders-total"))
    assert orders > total, f"two years of orders: {orders} for {total} customers"
    w.shot("sample-orders-zh")

    w.click("nav-tickets")
    w.visible("tickets-table")
    w.wait_until("ticket rows are shown", lambda: _rows(w, "tickets-table") > 0, timeout=60)
    w.shot("sample-tickets-zh")
    w.click("tickets-reports")
    w.visible("page-ticket-reports")
    w.visible("report-table")
    w.shot("sample-tickets-report-zh")

    w.click("nav-loyalty")
    w.visible("loyalty-overview")
    w.wait_until(
        "points are outstanding",
        lambda: _number(w.text("loyalty-outstanding-value")) > 0 if re.search(r"\d", w.text("loyalty-outstanding-value")) else False,
        timeout=60,
    )
    w.shot("sample-loyalty-zh")

    w.click("nav-settings")
    w.click("settings-tab-desk")
    w.visible("holidays-table")
    w.shot("sample-holidays-zh")
    assert w.count("backup-reminder") == 0, "the sample shop is never nagged about backups"


def leave_the_sample_shop(w: Window) -> None:
    log("leave the sample shop for the real one: the wizard opens on its create step")
    w.click("sample-leave")
    w.visible("wizard-username", timeout=60)


def wizard_chooses_a_backup_folder(w: Window, place: str) -> None:
    log(f"the wizard's last step: choose the backup folder found in the home folder ({place})")
    w.visible("wizard-backup-step", timeout=60)
    w.wait_until("places are listed", lambda: w.count("place-item") > 0, timeout=60)
    items = w.d.find_elements(By.CSS_SELECTOR, sel("place-item"))
    index = next((i for i, el in enumerate(items) if place in el.text), None)
    assert index is not None, f"{place} is offered: {[el.text for el in items]}"
    w.shot("wizard-backup-zh")
    w.click(f"place-use-{index}")
    w.visible("wizard-backup-added")
    w.click("wizard-backup-done")
    w.visible("nav-dashboard", timeout=60)


def banner_goes_after_the_first_backup(w: Window, folder: Path) -> None:
    log("the owner's banner: no verified backup yet; one click backs up and it goes")
    banner = w.visible("backup-reminder", timeout=60)
    assert banner.get_attribute("data-reason") == "neverBackedUp", banner.get_attribute("data-reason")
    w.shot("backup-banner-zh")
    w.click("backup-reminder-now")
    w.gone("backup-reminder", timeout=180)
    files = sorted(folder.rglob("*.laokebak"))
    assert len(files) == 1, f"one verified backup in {folder}: {files}"
    log(f"first backup written: {files[0]}")

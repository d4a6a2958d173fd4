#!/usr/bin/env python3
"""E2E steps for the loyalty screens (helper H9), for app_flow.py to call.

Each function takes app_flow's `Window`, starts from the main layout (logged in as the owner,
Chinese UI) and leaves the app in the main layout. Needs orders_steps.manual_sale_and_refund
first (one customer with one paid order).

    loyalty_area_and_coupon(w)       overview: run the job, liability and the monthly chart → coupons: create 满100减10 →
                                     it is listed with its offer → rules with the what-if preview
    customer_points_adjusted(w)      the buyer's 360 page shows points and tier; "adjust points"
                                     with a reason adds a history row and changes the balance
    overview_in_english(w)           the overview in English (after app_flow's english_everywhere)
    order_with_points_and_coupon(w)  the buyer gets the coupon; a sale pays with 100 points and the coupon;
                                     the order shows both, the 360 page's usable points drop by 100
    order_entry_in_english(w)        the new-sale form's points and coupons panel in English

Screenshots: loyalty-overview-zh, loyalty-coupon-new-zh, loyalty-coupons-zh, loyalty-rules-zh,
loyalty-whatif-zh, customer-360-loyalty-zh, loyalty-adjust-zh, loyalty-overview-en,
order-new-redeem-zh, order-new-redeem-en.

Run alone (wizard → demo customers → one sale → these steps), while working on these screens:

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/e2e/loyalty_steps.py \\
        --app target/debug/laoke-app --cli target/debug/laoke --port 4457 --native-port 4458
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

sys.path.insert(0, str(Path(__file__).resolve().parent))


COUPON = "老客回馈满100减10"
COUPON_TERMS = "满¥100.00减¥10.00"
ADJUST_POINTS = "200"
ADJUST_REASON = "补录门店消费"


def _log(msg: str) -> None:
    print(f"[e2e loyalty] {msg}", flush=True)


def _digits(text: str) -> int:
    """The first whole number in a text, thousands separators removed ("1,234 积分" → 1234)."""
    m = re.search(r"-?\d[\d,]*", text)
    assert m, f"no number in {text!r}"
    return int(m.group(0).replace(",", ""))


def _stat(w, test_id: str) -> int:
    """The number shown by an antd Statistic carrying the test id."""
    return _digits(w.visible(test_id).find_element(By.CSS_SELECTOR, ".ant-statistic-content").text)


def _pick_first_customer(w, test_id: str) -> str:
    """Opens an antd Select in a modal and picks its first option (clicked by script: the
    dropdown may still be sliding in, which WebKit counts as not interactable)."""
    w.input(test_id).click()

    def first_option():
        for el in w.d.find_elements(By.CSS_SELECTOR, ".ant-select-dropdown .ant-select-item-option"):
            if el.is_displayed():
                return el
        return False

    w.wait_until(f"[{test_id}] shows options", first_option)
    w.settle(0.4)
    opt = w.wait_until(f"[{test_id}] still shows options", first_option)
    label = (opt.get_attribute("title") or opt.text or "").strip()
    w.d.execute_script("arguments[0].click();", opt)
    w.wait_until("the dropdown closes", lambda: not first_option())
    return label


def loyalty_area_and_coupon(w) -> None:
    _log("Loyalty → overview, then create a coupon, then the rules with the what-if preview")
    w.click("nav-loyalty")
    w.visible("page-loyalty")
    w.visible("loyalty-overview")
    # The job (earning from paid orders, tiers, expiry) runs every few minutes; run it now so the
    # sale of manual_sale_and_refund has earned its points (less the refunded part).
    w.click("loyalty-run")
    w.wait_until("the job reports what it did", lambda: "已结算" in w.d.find_element(By.TAG_NAME, "body").text)
    w.wait_until("the sale's points are outstanding", lambda: _stat(w, "loyalty-outstanding") > 0)
    assert "¥" in w.text("loyalty-outstanding-value"), "the outstanding points show their ¥ value"
    w.visible("loyalty-month-chart")
    w.shot("loyalty-overview-zh")

    w.click("loyalty-tab-coupons")
    w.visible("coupons-table")
    before = w.count("coupon-row")
    w.click("coupon-new")
    w.visible("coupon-form")
    w.type("coupon-name", COUPON)
    w.type("coupon-threshold", "100")
    w.type("coupon-amount", "10")
    w.wait_until("the form previews the offer", lambda: COUPON_TERMS in w.text("coupon-preview"))
    w.shot("loyalty-coupon-new-zh")
    w.click("coupon-form-ok")
    w.gone("coupon-form")
    w.wait_until("the new coupon is listed", lambda: w.count("coupon-row") == before + 1)
    table = w.text("coupons-table")
    assert COUPON in table and COUPON_TERMS in table, f"the coupon and its offer are listed: {table!r}"
    # Issue it to one customer: the list counts it as issued, not used.
    w.click("coupon-issue")
    picked = _pick_first_customer(w, "coupon-issue-customer")
    w.click("coupon-issue-ok")
    w.wait_until("the coupon counts one issued", lambda: "1 / 0" in w.text("coupons-table"))
    _log(f"coupon issued to {picked!r}")
    w.shot("loyalty-coupons-zh")

    w.click("loyalty-tab-settings")
    w.visible("loyalty-rules")
    w.shot("loyalty-rules-zh")
    # Twice the points per ¥1: the preview replays the last 12 months before anything is saved.
    w.type("rules-points-per-yuan", "2")
    w.click("rules-preview-run")
    w.visible("rules-preview")
    w.visible("rules-preview-liability")
    w.d.execute_script("arguments[0].scrollIntoView({block: 'end'});", w.visible("rules-save"))
    w.shot("loyalty-whatif-zh")
    w.d.execute_script("window.scrollTo(0, 0);")
    # Not saved: leave the tab (the rules stay as they were).
    w.click("loyalty-tab-overview")
    w.visible("loyalty-overview")


def _open_the_buyer(w) -> str:
    """Customers → at least one order → the single buyer's 360 page; returns the name."""
    w.click("nav-customers")
    w.visible("customers-table")
    w.type("customers-filter-orders-min", "1")
    w.wait_until("only the buyer is left", lambda: w.count("customer-row") == 1)
    w.settle(0.4)

    def click_row():
        try:
            rows = [r for r in w.d.find_elements(By.CSS_SELECTOR, '[data-testid="customer-row"]') if r.is_displayed()]
            if len(rows) != 1:
                return False
            w.d.execute_script("arguments[0].click();", rows[0].find_elements(By.CSS_SELECTOR, "td")[0])
            return True
        except StaleElementReferenceException:
            return False

    w.wait_until("the buyer's row can be clicked", click_row, timeout=15)
    w.visible("page-customer-360")
    return w.text("c360-name")


def customer_points_adjusted(w) -> None:
    _log("the buyer's 360 page: points and tier; adjust points with a reason")
    name = _open_the_buyer(w)
    w.visible("c360-loyalty")
    tier = w.text("c360-tier")
    assert "普通会员" in tier, f"one paid order makes a 普通会员: {tier!r}"
    balance = _stat(w, "c360-points-balance")
    rows = w.count("points-row")
    assert balance > 0 and rows >= 1, f"the sale earned points: balance {balance}, {rows} row(s)"
    _log(f"{name}: balance {balance}, {rows} history row(s), tier {tier!r}")

    w.click("c360-adjust-points")
    # A reason is required: the dialog says so and nothing is written.
    w.type("adjust-points", ADJUST_POINTS)
    w.click("adjust-ok")
    w.wait_until("the missing reason is named", lambda: "原因" in w.text("adjust-error"))
    for el in w.d.find_elements(By.CSS_SELECTOR, ".ant-modal .ant-modal-close"):
        if el.is_displayed():
            el.click()
    w.gone("adjust-points")
    assert w.count("points-row") == rows, "a refused adjustment writes no row"

    w.click("c360-adjust-points")
    w.type("adjust-points", ADJUST_POINTS)
    w.type("adjust-reason", ADJUST_REASON)
    w.shot("loyalty-adjust-zh")
    w.click("adjust-ok")
    w.gone("adjust-points")
    w.wait_until("a history row is added", lambda: w.count("points-row") == rows + 1)
    w.wait_until(
        f"the balance grows by {ADJUST_POINTS}",
        lambda: _stat(w, "c360-points-balance") == balance + int(ADJUST_POINTS),
    )
    # textContent: WebKit's visible text leaves out cells clipped by the table's ellipsis.
    history = w.visible("c360-points-history").get_attribute("textContent")
    assert ADJUST_REASON in history and f"+{ADJUST_POINTS}" in history, f"the row shows the reason: {history!r}"
    w.d.execute_script("arguments[0].scrollIntoView({block: 'start'});", w.visible("c360-loyalty"))
    w.shot("customer-360-loyalty-zh")
    w.d.execute_script("window.scrollTo(0, 0);")


def _pick_option_with(w, test_id: str, typed: str, want: str) -> str:
    """Types a search into an antd Select and picks the first option whose label holds `want`
    (waiting for the debounced search to replace the options)."""
    box = w.input(test_id)
    box.click()
    if typed:
        box.send_keys(typed)

    def matching():
        for el in w.d.find_elements(By.CSS_SELECTOR, ".ant-select-dropdown .ant-select-item-option"):
            try:
                if el.is_displayed() and want in (el.get_attribute("title") or el.text or ""):
                    return el
            except StaleElementReferenceException:
                return False
        return False

    w.wait_until(f"[{test_id}] offers {want!r}", matching)
    w.settle(0.4)
    opt = w.wait_until(f"[{test_id}] still offers {want!r}", matching)
    label = (opt.get_attribute("title") or opt.text or "").strip()
    w.d.execute_script("arguments[0].click();", opt)
    return label


def _open_the_tea_buyer(w) -> str:
    """The first sale's customer (imports may have added other buyers by now): Orders → the
    partly refunded sale → its customer's 360 page; returns the name."""
    w.click("nav-orders")
    w.visible("page-orders")

    def click_row():
        try:
            for r in w.d.find_elements(By.CSS_SELECTOR, '[data-testid="order-row"]'):
                if r.is_displayed() and ("部分退款" in r.text or "Partially refunded" in r.text):
                    w.d.execute_script("arguments[0].click();", r.find_elements(By.CSS_SELECTOR, "td")[0])
                    return True
            return False
        except StaleElementReferenceException:
            return False

    w.settle(0.4)
    w.wait_until("the first sale's row can be clicked", click_row, timeout=15)
    w.visible("page-order")
    w.click("order-customer-link")
    w.visible("page-customer-360")
    return w.text("c360-name")


REDEEM_PRODUCT = "铁观音 礼盒"
REDEEM_PRICE = "150"
REDEEM_POINTS = "100"
REDEEM_TO_PAY = "¥139.00"  # ¥150 − ¥10 (满100减10) − ¥1.00 (100 points)


def order_with_points_and_coupon(w) -> None:
    """The buyer (with usable points after customer_points_adjusted) gets the 满100减10 coupon;
    an in-store sale pays part with 100 points and the coupon; the 360 page shows the usable
    points down by 100 and the coupon used."""
    _log("order entry: pay part of a sale with points and a coupon")
    name = _open_the_tea_buyer(w)
    w.visible("c360-loyalty")
    usable = _stat(w, "c360-points-usable")
    assert usable >= int(REDEEM_POINTS), f"the buyer has usable points: {usable}"
    coupons_tab = w.text("c360-tab-coupons")
    if _digits(coupons_tab) == 0:
        w.click("nav-loyalty")
        w.click("loyalty-tab-coupons")
        w.visible("coupons-table")
        w.click("coupon-issue")
        _pick_option_with(w, "coupon-issue-customer", name, name)
        w.click("coupon-issue-ok")
        w.wait_until("the coupon is issued", lambda: "2 / 0" in w.text("coupons-table"))
        _log(f"coupon issued to the buyer {name!r}")

    w.click("nav-orders")
    w.visible("page-orders")
    w.click("orders-new")
    w.visible("page-new-order")
    _pick_option_with(w, "new-order-customer", name, name)
    w.type("line-product", REDEEM_PRODUCT)
    w.type("line-price", REDEEM_PRICE)
    w.visible("redeem-panel")
    w.wait_until("the panel shows the usable points and their value",
                 lambda: f"可用积分 {usable}" in w.text("redeem-available") and "¥" in w.text("redeem-available"))
    w.type("redeem-points", REDEEM_POINTS)
    w.wait_until("the points take ¥1.00 off", lambda: w.text("redeem-points-off") == "−¥1.00")
    _pick_option_with(w, "redeem-coupon", "", COUPON)
    w.wait_until("the coupon takes ¥10.00 off", lambda: w.text("redeem-coupon-off") == "−¥10.00")
    w.wait_until(f"the amount to pay is {REDEEM_TO_PAY}", lambda: w.text("redeem-to-pay") == REDEEM_TO_PAY)
    w.d.execute_script("arguments[0].scrollIntoView({block: 'center'});", w.visible("redeem-panel"))
    w.shot("order-new-redeem-zh")
    w.click("new-order-save")

    w.visible("page-order")
    w.wait_until(f"the order shows {REDEEM_TO_PAY} paid", lambda: w.text("order-paid") == REDEEM_TO_PAY)
    w.wait_until("the order names the points and the coupon",
                 lambda: f"{REDEEM_POINTS} 积分" in w.text("order-redemption") and COUPON in w.text("order-redemption"))

    _open_the_tea_buyer(w)
    w.visible("c360-loyalty")
    w.wait_until(f"the usable points drop by {REDEEM_POINTS}",
                 lambda: _stat(w, "c360-points-usable") == usable - int(REDEEM_POINTS))
    history = w.visible("c360-points-history").get_attribute("textContent")
    assert f"−{REDEEM_POINTS}" in history or f"-{REDEEM_POINTS}" in history, f"the redeem row is listed: {history!r}"
    _log(f"{name}: usable {usable} → {usable - int(REDEEM_POINTS)}, paid {REDEEM_TO_PAY}")


def order_entry_in_english(w) -> None:
    """With the UI in English: the points and coupons panel of the new-sale form."""
    _log("order entry's points and coupons panel in English")
    name = _open_the_tea_buyer(w)
    w.click("nav-orders")
    w.click("orders-new")
    w.visible("page-new-order")
    _pick_option_with(w, "new-order-customer", name, name)
    w.type("line-product", REDEEM_PRODUCT)
    w.type("line-price", REDEEM_PRICE)
    w.wait_until("the panel is in English", lambda: "usable points" in w.text("redeem-available"))
    w.type("redeem-points", REDEEM_POINTS)
    w.wait_until("the amount to pay follows", lambda: w.text("redeem-to-pay") == "¥149.00")
    w.d.execute_script("arguments[0].scrollIntoView({block: 'center'});", w.visible("redeem-panel"))
    w.shot("order-new-redeem-en")
    w.click("nav-orders")
    w.visible("page-orders")


def overview_in_english(w) -> None:
    _log("the loyalty overview in English")
    w.click("nav-loyalty")
    w.visible("loyalty-overview")
    w.wait_until("the overview is in English", lambda: "Outstanding points" in w.text("loyalty-overview"))
    w.shot("loyalty-overview-en")


if __name__ == "__main__":
    # Standalone: app_flow's own flow (which calls these steps after the sale and in English)
    # with every other area's steps skipped: wizard, demo customers, one sale, loyalty.
    import app_flow  # noqa: E402
    import backup_steps  # noqa: E402
    import customers_steps  # noqa: E402
    import import_steps  # noqa: E402
    import orders_steps  # noqa: E402
    import search_steps  # noqa: E402
    import tickets_steps  # noqa: E402

    def skip(*_args, **_kwargs) -> None:
        return None

    for module, names in (
        (app_flow, ["backup_and_restore", "settings_lists_users", "lock_and_unlock", "log_in_again",
                    "customers_total"]),
        (search_steps, ["search_finds_a_two_character_name"]),
        (orders_steps, ["customer_filters_and_totals", "orders_in_english"]),
        (customers_steps, ["run_all", "rep_sees_masked_phones_and_reveals"]),
        (import_steps, ["import_taobao_gbk_csv", "reimport_and_undo_in_english"]),
        (backup_steps, ["grow_store", "backup_with_progress", "list_and_preview", "export_card_is_there"]),
        (tickets_steps, ["run_all"]),
    ):
        for n in names:
            setattr(module, n, skip)
    app_flow.english_everywhere = lambda w: w.click("lang-en")
    sys.exit(app_flow.main())

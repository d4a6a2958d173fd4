"""E2E steps for orders and the customer list filters (helper H1), for app_flow.py to call.

Each function takes app_flow's `Window`, starts from the main layout (logged in, Chinese UI,
demo customers present, none of them with orders yet) and leaves the app in the main layout.

    from orders_steps import manual_sale_and_refund, customer_filters_and_totals
    manual_sale_and_refund(window)      # after login_shows_customers
    customer_filters_and_totals(window)  # after manual_sale_and_refund

Screenshots: order-new-zh, order-zh, order-refunded-zh, orders-zh, customers-filtered-zh.
"""

from __future__ import annotations

import re

from selenium.webdriver.common.by import By

# One line of 2 × ¥68.80 with ¥7.60 off: ¥130.00 due; then ¥30 refunded.
PRODUCT = "龙井茶 250g"
CATEGORY = "茶叶"
QUANTITY = "2"
UNIT_PRICE = "68.8"
DISCOUNT = "7.6"
DUE = "¥130.00"
REFUND = "30"
KEPT = "¥100.00"


def _log(msg: str) -> None:
    print(f"[e2e orders] {msg}", flush=True)


def _pick_first_option(w, test_id: str, typed: str = "") -> str:
    """Opens an antd Select (optionally typing a search) and picks the first option shown."""
    box = w.input(test_id)
    box.click()
    if typed:
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


def manual_sale_and_refund(w) -> None:
    _log("Orders → new sale for the first customer, then a partial refund")
    w.click("nav-orders")
    w.visible("page-orders")
    w.click("orders-new")
    w.visible("page-new-order")
    picked = _pick_first_option(w, "new-order-customer")
    customer = picked.split("·")[0].strip()
    assert customer, "a customer was picked"
    _log(f"customer picked: {picked!r}")
    w.type("line-product", PRODUCT)
    w.type("line-category", CATEGORY)
    w.type("line-quantity", QUANTITY)
    w.type("line-price", UNIT_PRICE)
    w.type("new-order-discount", DISCOUNT)
    w.wait_until(f"the amount due is {DUE}", lambda: w.text("new-order-due") == DUE)
    w.shot("order-new-zh")
    w.click("new-order-save")

    w.visible("page-order")
    w.wait_until(f"the order shows {DUE} paid", lambda: w.text("order-paid") == DUE)
    assert customer in w.text("order-customer"), f"the order belongs to {customer}"
    title = w.text("order-title")
    assert re.search(r"MD\d{8}-\d{3}", title), f"a generated in-store number: {title!r}"
    w.shot("order-zh")

    w.click("order-refund")
    w.type("refund-amount", REFUND)
    w.type("refund-reason", "一盒受潮")
    w.click("refund-confirm")
    w.wait_until("the refund is shown", lambda: w.text("order-refunded") == f"-¥{REFUND}.00")
    w.wait_until("the status is partially refunded", lambda: w.text("order-status") == "部分退款")
    assert "一盒受潮" in w.text("order-note")
    w.shot("order-refunded-zh")

    w.click("order-back")
    w.visible("orders-table")
    w.wait_until("the order is listed", lambda: w.count("order-row") == 1)
    w.wait_until(
        "the totals row sums what was kept after the refund, as the order page says",
        lambda: w.text("orders-totals-kept") == KEPT,
    )
    w.shot("orders-zh")
    _log(f"order {title!r} entered, refunded in part, listed with totals")


def customer_filters_and_totals(w) -> None:
    _log("Customers → filter on order count; the totals row follows the filter")
    w.click("nav-customers")
    w.visible("customers-table")
    w.wait_until("customer rows are shown", lambda: w.count("customer-row") > 0)
    w.type("customers-filter-orders-min", "1")
    w.wait_until("only the buyer is left", lambda: w.count("customer-row") == 1)
    w.wait_until(f"the totals row shows {KEPT} spend", lambda: w.text("customers-totals-spend") == KEPT)
    total = w.text("customers-total")
    assert re.search(r"(?<!\d)1(?!\d)", total), f"one customer matches: {total!r}"
    w.click("customers-columns")
    w.tick("customers-columns-topCategory")
    w.wait_until("the top category column shows tea", lambda: CATEGORY in w.text("customers-table"))
    w.shot("customers-filtered-zh")
    w.click("customers-filter-reset")
    w.wait_until("the filter is cleared", lambda: w.count("customer-row") > 1)


def orders_in_english(w) -> None:
    """With the UI already in English (after app_flow's english_everywhere): the orders list,
    the order page and the new-sale form read in English. Needs manual_sale_and_refund first."""
    _log("orders screens in English")
    w.click("nav-orders")
    w.visible("orders-table")
    w.wait_until("the list is in English", lambda: "order" in w.text("orders-total").lower())
    w.wait_until("the order is listed", lambda: w.count("order-row") >= 1)
    w.shot("orders-en")
    w.click("order-row")
    w.visible("page-order")
    w.wait_until("the status reads in English", lambda: w.text("order-status") == "Partially refunded")
    w.shot("order-en")
    w.click("order-back")
    w.click("orders-new")
    w.visible("page-new-order")
    w.type("line-price", "1.234")
    w.wait_until("a third decimal is refused", lambda: "two decimals" in w.text("page-new-order"))
    w.shot("order-new-en")
    w.click("nav-orders")
    w.visible("orders-table")

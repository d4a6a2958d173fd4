#!/usr/bin/env python3
"""E2E steps for issue 12 (segments, RFM and lifecycle), for app_flow.py to call on the sample shop.

Each function takes app_flow's `Window`, starts from the main layout (the sample shop, logged in as
its owner, Chinese UI) and leaves the app in the main layout.

    run_all(w)                         all of the below, in order
    insight_screen(w)                  客户洞察: as-of day, 8 classes, 5 stages, 老客 (re-scores if never scored)
    class_cell_opens_its_customers(w)  a class's count → the customer list with that class chip; same count
    customer_class_card(w)             a customer of that class: the 360 class card names the class,
                                       says why in words, and lists the segments the customer is in
    threshold_preview(w)               分层规则: fixed lines, R changed → 预览 lists who moves where (not saved)
    segment_saved_and_opened(w)        the 活跃 stage list saved as a segment (live count = list count),
                                       opened as a list, then listed under 客户分组 with the same count
    insight_in_english(w)              the Insight screen in English, then back to Chinese

Screenshots: insight-zh, customer-insight-zh, insight-preview-zh, segments-zh, insight-en.
"""

from __future__ import annotations

import re
import time

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

from app_flow import Window, sel

CLASSES = [
    "important_value", "important_keep", "important_develop", "important_retain",
    "general_value", "general_keep", "general_develop", "general_retain",
]
STAGES = ["prospect", "new", "active", "dormant", "churned"]
SEGMENT_NAME = "E2E 活跃客户"


def _log(msg: str) -> None:
    print(f"[e2e insight {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def _number(text: str) -> int:
    found = re.search(r"\d[\d,]*", text)
    assert found, f"no number in {text!r}"
    return int(found.group().replace(",", ""))


def _list_total(w: Window) -> int:
    """The customer list's count once the totals call has answered."""
    w.visible("customers-table")
    w.wait_until("the list total is counted", lambda: re.search(r"\d", w.text("customers-total")), timeout=60)
    return _number(w.text("customers-total"))


def _scroll_to(w: Window, test_id: str) -> None:
    """Brings the element to the middle of the window (the sticky header hides a top edge)."""
    w.d.execute_script("arguments[0].scrollIntoView({block: 'center'});", w.visible(test_id))
    w.settle(0.4)


def _open_insight(w: Window, tab: str = "overview") -> None:
    w.click("nav-insight")
    w.visible("page-insight")
    w.click(f"insight-tab-{tab}")


def insight_screen(w: Window) -> None:
    _log("客户洞察: the classes, the lifecycle funnel and 老客 of the sample shop")
    _open_insight(w)
    w.wait_until("the overview is loaded", lambda: w.count("insight-classes-table") == 1, timeout=60)
    if not re.search(r"\d{4}-\d{2}-\d{2}", w.text("insight-as-of")):
        _log("never scored yet: 重新计算")
        w.click("insight-rescore")
    w.wait_until("the as-of day is shown", lambda: re.search(r"\d{4}-\d{2}-\d{2}", w.text("insight-as-of")), timeout=120)
    w.visible("insight-classes-table")
    for code in CLASSES:
        w.visible(f"insight-class-count-{code}")
    for code in STAGES:
        w.visible(f"insight-stage-count-{code}")
    classed = sum(_number(w.text(f"insight-class-count-{c}")) for c in CLASSES)
    staged = sum(_number(w.text(f"insight-stage-count-{s}")) for s in STAGES)
    returning = _number(w.text("insight-returning-count"))
    assert classed > 0, "the sample shop's buyers fall into RFM classes"
    assert staged >= classed, f"every customer has a stage ({staged}), buyers in the window a class ({classed})"
    assert 0 < returning <= staged, f"老客 {returning} of {staged}"
    w.visible("insight-classes-chart")
    _log(f"{classed} customers classed, {staged} staged, {returning} 老客; as of: {w.text('insight-as-of')!r}")
    w.shot("insight-zh")


def class_cell_opens_its_customers(w: Window) -> str:
    """Clicks the biggest non-empty class count; returns its code."""
    _open_insight(w)
    counts = {c: _number(w.text(f"insight-class-count-{c}")) for c in CLASSES}
    code = "important_value" if counts["important_value"] > 0 else max(counts, key=counts.get)
    n = counts[code]
    _log(f"click the count of {code} ({n}) → the customer list of exactly those customers")
    w.click(f"insight-class-count-{code}")
    w.visible("page-customers")
    w.visible("customers-chip-rfmClass")
    w.wait_until(f"the list counts {n}", lambda: _list_total(w) == n, timeout=60)
    w.wait_until("customer rows are shown", lambda: w.count("customer-row") > 0)
    return code


def customer_class_card(w: Window, class_name: str | None = None) -> None:
    _log("open the first customer of the class: its 360 class card explains the class")
    chip = w.text("customers-chip-rfmClass")
    class_name = class_name or chip.split("：")[-1].strip()

    def click_first_row():
        try:
            rows = [r for r in w.d.find_elements(By.CSS_SELECTOR, sel("customer-row")) if r.is_displayed()]
            if not rows:
                return False
            w.d.execute_script("arguments[0].click();", rows[0].find_elements(By.CSS_SELECTOR, "td")[0])
            return True
        except StaleElementReferenceException:
            return False

    w.wait_until("the first row can be clicked", click_first_row, timeout=15)
    w.visible("page-customer-360")
    w.visible("c360-insight", timeout=60)
    w.wait_until(f"the class card says {class_name}", lambda: w.text("c360-insight-class") == class_name, timeout=30)
    reason = w.text("c360-insight-reason")
    assert "R" in reason and "F" in reason and "M" in reason and "→" in reason, f"the reason in words: {reason!r}"
    w.visible("c360-insight-stage")
    _log(f"reason: {reason!r}; segments: {w.count('c360-segment')}")
    _scroll_to(w, "c360-insight")
    w.shot("customer-insight-zh")


def threshold_preview(w: Window) -> None:
    _log("分层规则: fixed lines with a changed R line → 预览 shows who moves where, before saving")
    _open_insight(w, "rules")
    w.visible("insight-rules")
    w.click("rules-mode-fixed")
    w.type("rules-rDays", "30")
    w.click("rules-preview")
    result = w.visible("rules-preview-result", timeout=60)
    w.visible("rules-preview-classes")
    w.visible("rules-preview-stages")
    summary = w.text("rules-preview-summary")
    assert re.search(r"\d", summary), f"the preview counts the moves: {summary!r}"
    assert w.visible("rules-save").is_enabled(), "a previewed change can be saved"
    _scroll_to(w, "rules-preview")
    _log(f"preview: {summary!r}")
    w.shot("insight-preview-zh")
    # Changing a line again makes the preview stale: saving waits for a new one.
    w.type("rules-rDays", "31")
    w.wait_until("save waits for a new preview", lambda: not w.visible("rules-save").is_enabled(), timeout=10)
    assert result is not None


def segment_saved_and_opened(w: Window) -> None:
    _log("the 活跃 stage as a list → saved as a segment → opened → listed under 客户分组")
    _open_insight(w)
    n = _number(w.text("insight-stage-count-active"))
    w.click("insight-stage-count-active")
    w.visible("customers-chip-stage")
    w.wait_until(f"the list counts {n}", lambda: _list_total(w) == n, timeout=60)
    w.click("customers-save-segment")
    w.type("segment-name-input", SEGMENT_NAME)
    w.wait_until("the live count matches the list", lambda: re.search(r"\d", w.text("segment-live-count")) and _number(w.text("segment-live-count")) == n, timeout=30)
    w.click("segment-save")
    w.visible("customers-chip-segment", timeout=30)
    w.wait_until("the chip names the segment", lambda: SEGMENT_NAME in w.text("customers-chip-segment"))
    w.wait_until(f"the segment lists {n}", lambda: _list_total(w) == n, timeout=60)

    _open_insight(w, "segments")
    w.visible("segments-table")
    w.wait_until("the segment is listed", lambda: SEGMENT_NAME in w.text("segments-table"), timeout=30)
    links = [el for el in w.d.find_elements(By.CSS_SELECTOR, '[data-testid^="segment-count-saved:"]') if el.is_displayed()]
    rows = [r for r in w.d.find_elements(By.CSS_SELECTOR, sel("segment-row")) if SEGMENT_NAME in r.text]
    assert rows and links, "the saved segment has a row and a count link"
    count = rows[0].find_element(By.CSS_SELECTOR, '[data-testid^="segment-count-saved:"]')
    assert _number(count.text) == n, f"the segment counts {count.text!r}, the list {n}"
    w.d.execute_script("arguments[0].scrollIntoView({block: 'center'});", rows[0])
    w.shot("segments-zh")
    w.d.execute_script("arguments[0].click();", count)
    w.visible("customers-chip-segment")
    w.wait_until(f"opened again it lists {n}", lambda: _list_total(w) == n, timeout=60)


def insight_in_english(w: Window) -> None:
    _log("the Insight screen in English")
    w.click("lang-en")
    w.wait_until("the navigation is in English", lambda: "Insight" in w.text("nav-insight"))
    _open_insight(w)
    w.visible("insight-classes-table")
    w.wait_until("the classes are named in English", lambda: re.search(r"[A-Za-z]{4,}", w.text("insight-classes-table")))
    w.shot("insight-en")
    w.click("lang-zh")
    w.wait_until("back in Chinese", lambda: "客户洞察" in w.text("nav-insight"))


def run_all(w: Window) -> None:
    insight_screen(w)
    class_cell_opens_its_customers(w)
    customer_class_card(w)
    threshold_preview(w)
    segment_saved_and_opened(w)
    insight_in_english(w)

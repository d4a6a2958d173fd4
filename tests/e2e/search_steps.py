"""E2E steps for the global search box (Ctrl+K), called from the main flow (tests/e2e/app_flow.py).

Call `search_finds_a_two_character_name(window)` once the customers list shows the demo
customers (after `login_shows_customers`). In the real window it:
- focuses the header search box with Ctrl+K from the page body,
- types the first two characters of a customer's name (a 2-character Chinese query, which
  FTS5 trigrams alone cannot answer),
- waits for the grouped results, checks every customer shown contains those characters and that
  the match is highlighted, takes the screenshot `search-zh`,
- picks the first result with the keyboard (↓, Enter) and sees that customer's 360 page;
  Esc closes the panel.
"""

from __future__ import annotations

import time

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

SEARCH_SHOTS = {"search-zh"}


def _log(msg: str) -> None:
    print(f"[e2e {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def _first_customer_name(w) -> str:
    w.click("nav-customers")
    w.visible("customers-table")
    rows = w.wait_until(
        "the customers list has rows",
        lambda: w.d.find_elements(By.CSS_SELECTOR, '[data-testid="customer-row"]') or False,
    )
    # The first cell is the name.
    name = rows[0].find_elements(By.CSS_SELECTOR, "td")[0].text.strip()
    assert len(name) >= 2, f"the first customer's name is too short to search: {name!r}"
    return name


def _texts(w) -> list[str] | bool:
    try:
        return [h.text for h in w.d.find_elements(By.CSS_SELECTOR, '[data-testid="global-search-customer"]')] or False
    except StaleElementReferenceException:
        return False


def _first_hit_name(w) -> str | bool:
    try:
        hits = w.d.find_elements(By.CSS_SELECTOR, '[data-testid="global-search-customer"]')
        return hits[0].find_element(By.CSS_SELECTOR, "strong").text.strip() if hits else False
    except StaleElementReferenceException:
        return False


def search_finds_a_two_character_name(w) -> None:
    name = _first_customer_name(w)
    query = name[:2]
    _log(f"Ctrl+K focuses the global search; search the 2-character name {query!r} (from {name!r})")

    body = w.d.find_element(By.TAG_NAME, "body")
    body.click()
    body.send_keys(Keys.CONTROL, "k")
    box = w.input("global-search")
    w.wait_until("Ctrl+K focused the search box", lambda: w.d.switch_to.active_element == box, timeout=5)
    box.send_keys(query)

    w.visible("global-search-results")
    w.wait_until(
        f"customers matching {query!r} are listed",
        lambda: w.d.find_elements(By.CSS_SELECTOR, '[data-testid="global-search-customer"]') or False,
    )
    texts = w.wait_until(
        "the result texts can be read",
        lambda: _texts(w),
        timeout=10,
    )
    assert all(query in t for t in texts), f"a result does not contain {query!r}: {texts}"
    assert any(name in t for t in texts), f"{name!r} is not among the results: {texts}"
    marks = w.d.find_elements(By.CSS_SELECTOR, '[data-testid="global-search-results"] mark')
    assert marks and all(m.text == query for m in marks[:3]), "the matched part is highlighted"
    _log(f"{len(texts)} customers found for {query!r}")
    w.wait_until(
        "the results are settled (no 'searching' line)",
        lambda: not w.d.find_elements(By.CSS_SELECTOR, ".gs-empty"),
        timeout=10,
    )
    first = w.wait_until(
        "the first result's name can be read",
        lambda: _first_hit_name(w),
        timeout=10,
    )
    # WebKitGTK under Xvfb may not repaint after an update that no input caused: hover the first
    # result (it is the selected one anyway) so the screenshot shows what the DOM holds.
    ActionChains(w.d).move_to_element(w.visible("global-search-customer")).perform()
    w.shot("search-zh")

    # Keyboard: the first result is selected; Enter opens that customer's 360 page.
    box.send_keys(Keys.ENTER)
    w.gone("global-search-results", timeout=10)
    w.visible("page-customer-360")
    w.wait_until(
        f"the 360 page shows {first!r}",
        lambda: first in w.text("c360-name"),
        timeout=15,
    )

    # Esc closes the panel again.
    box = w.input("global-search")
    box.click()
    w.visible("global-search-results")
    box.send_keys(Keys.ESCAPE)
    w.gone("global-search-results", timeout=5)

#!/usr/bin/env python3
"""E2E steps for 批量导入: import a Taobao order export (GBK CSV, trailing-space headers, ="…"
order numbers, masked phones, one bad row) in the real window and see the customers appear.

The main flow (app_flow.py) calls `import_taobao_gbk_csv(window, scratch_dir)` once the owner is
logged in. Run on its own (creates a fresh store, then these steps):

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/e2e/import_steps.py \
        --app target/debug/laoke-app --port 4471 --native-port 4472
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import app_flow  # noqa: E402  (same folder)
from app_flow import Window, log  # noqa: E402

# Real Taobao 订单报表 headers (with the trailing spaces the export has).
TAOBAO_HEADER = (
    "订单编号 ,买家会员名 ,买家支付宝账号 ,买家应付货款 ,买家应付邮费 ,总金额 ,买家实际支付金额 ,订单状态 ,"
    "买家留言 ,收货人姓名 ,收货地址 ,联系电话 ,联系手机 ,订单创建时间 ,订单付款时间 ,宝贝标题 ,宝贝种类 ,"
    "宝贝总数量 ,退款金额 "
)
TAOBAO_ROWS = [
    '="3712345678901234501",小王爱购物,**,198.00,0.00,198.00,198.00,交易成功,,王芳,浙江省 杭州市 西湖区 文三路 88 号,,'
    "'13800138000,2026-01-05 14:02:11,2026-01-05 14:03:00,龙井茶 250g,1,2,0.00",
    '="3712345678901234502",小王爱购物,**,59.00,8.00,67.00,67.00,卖家已发货，等待买家确认,,王芳,浙江省 杭州市 西湖区 文三路 88 号,,'
    "138****8000,2026/2/1 9:00,2026/2/1 9:01,紫砂杯,1,1,0.00",
    '="3712345678901234503",茶香满屋,**,120.00,0.00,120.00,120.00,交易成功,,欧阳娜娜,广东省 深圳市 南山区 科技园,,'
    "139****1234,2026-02-10 20:00:00,2026-02-10 20:01:00,桂花乌龙,1,1,0.00",
    '="3712345678901234504",司马相如,**,abc,0.00,1.00,1.00,交易成功,,司马相如,四川省 成都市,,'
    "13700137000,2026-02-11 10:00:00,2026-02-11 10:01:00,茶,1,1,0.00",
]
#: The two buyers the valid rows belong to (the bad row's buyer must not appear).
EXPECTED_CUSTOMERS = ["王芳", "欧阳娜娜"]


def write_taobao_gbk_csv(path: Path) -> Path:
    """A Taobao export as Chinese Excel saves it: GBK, CRLF."""
    text = "\r\n".join([TAOBAO_HEADER, *TAOBAO_ROWS]) + "\r\n"
    path.write_bytes(text.encode("gbk"))
    return path


def import_taobao_gbk_csv(w: Window, scratch: Path, lang: str = "zh") -> None:
    """Import → the export is recognised → preview shows 3 orders and the bad row (row 5,
    column 买家应付货款) → import → result → the customers list shows the buyers."""
    csv = write_taobao_gbk_csv(scratch / "ExportOrderList淘宝.csv")
    log(f"import a GBK Taobao export: {csv}")
    w.click("nav-import")
    w.visible("import-wizard")
    w.shot(f"import-start-{lang}")
    w.type("import-path", str(csv))
    w.click("import-open-path")
    detected = w.visible("import-detected", timeout=60)
    assert "淘宝" in detected.text or "Taobao" in detected.text, f"not recognised as Taobao: {detected.text!r}"
    log(f"recognised: {detected.text.strip()!r}")
    w.shot(f"import-mapping-{lang}")

    w.click("import-preview")
    counts = w.visible("import-preview-counts", timeout=120)
    problems = w.visible("import-problems")
    assert "买家应付货款" in problems.text, f"the bad column is not named: {problems.text!r}"
    assert "5" in problems.text, f"the bad row number is not shown: {problems.text!r}"
    log(f"preview counts: {' / '.join(counts.text.split())}")
    w.shot(f"import-preview-{lang}")

    w.click("import-run")
    result = w.visible("import-result-counts", timeout=120)
    log(f"import result: {' / '.join(result.text.split())}")
    w.visible("import-undo")
    w.shot(f"import-result-{lang}")

    w.click("import-see-customers")
    w.visible("customers-table")
    for name in EXPECTED_CUSTOMERS:
        w.wait_until(f"{name} is in the customers list", lambda name=name: name in w.text("customers-table"))
    assert "司马相如" not in w.text("customers-table"), "the rejected row's buyer must not be imported"
    w.shot(f"import-customers-{lang}")

    log("the import history lists the batch")
    w.click("nav-import")
    w.click("import-history-tab")
    w.wait_until("the batch is listed", lambda: csv.name in w.d.page_source)
    w.shot(f"import-history-{lang}")


def reimport_and_undo_in_english(w: Window, scratch: Path) -> None:
    """The same file again (English UI): the preview says nothing would change (3 skipped, the
    bad row still rejected) and the import button stays disabled; then the history undoes the
    first import and the customers are gone."""
    csv = scratch / "ExportOrderList淘宝.csv"
    log("switch to English and preview the same file again: everything is skipped")
    w.click("lang-en")
    w.wait_until("the navigation is in English", lambda: "Import" in w.text("nav-import"))
    w.click("nav-customers")
    w.click("nav-import")
    w.visible("import-wizard")
    w.type("import-path", str(csv))
    w.click("import-open-path")
    detected = w.visible("import-detected", timeout=60)
    assert "Taobao" in detected.text, detected.text
    w.shot("import-mapping-en")
    w.click("import-preview")
    counts = w.visible("import-preview-counts", timeout=120).text
    log(f"preview of the re-import: {' / '.join(counts.split())}")
    assert not w.visible("import-run").is_enabled(), "nothing to import: the button is disabled"
    w.shot("import-preview-en")

    log("undo the first import from the history")
    w.click("import-history-tab")
    w.click("import-undo-1")
    w.settle(1.0)
    confirm = w.wait_until("the confirm button", lambda: (w.d.find_elements("css selector", "#import-history-undo-confirm") or [False])[0])
    confirm.click()
    w.wait_until("the batch shows as undone", lambda: "Undone" in w.d.page_source)
    w.shot("import-history-en")
    w.click("nav-customers")
    w.wait_until("the imported customers are gone", lambda: all(n not in w.d.page_source for n in EXPECTED_CUSTOMERS))
    w.shot("import-undone-customers-en")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--app", required=True, type=Path)
    ap.add_argument("--artifacts", type=Path, default=app_flow.REPO / "e2e-artifacts" / "import")
    ap.add_argument("--port", type=int, default=4471)
    ap.add_argument("--native-port", type=int, default=4472)
    ap.add_argument("--tauri-driver", default=shutil.which("tauri-driver") or "tauri-driver")
    ap.add_argument("--native-driver", default=shutil.which("WebKitWebDriver") or "/usr/bin/WebKitWebDriver")
    args = ap.parse_args()

    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.options import ArgOptions
    from selenium.webdriver.remote.client_config import ClientConfig
    from selenium.webdriver.remote.file_detector import UselessFileDetector

    args.artifacts.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="laoke-e2e-import-"))
    runtime_dir = scratch / "xdg-runtime"
    runtime_dir.mkdir(mode=0o700)
    env = dict(
        os.environ,
        LAOKE_DATA_DIR=str(scratch / "data"),
        XDG_CONFIG_HOME=str(scratch / "xdg-config"),
        XDG_DATA_HOME=str(scratch / "xdg-data"),
        XDG_CACHE_HOME=str(scratch / "xdg-cache"),
        XDG_RUNTIME_DIR=str(runtime_dir),
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    driver_log = open(args.artifacts / "tauri-driver.log", "w")
    proc = subprocess.Popen(
        [args.tauri_driver, "--port", str(args.port), "--native-driver", args.native_driver,
         "--native-port", str(args.native_port)],
        env=env, stdout=driver_log, stderr=subprocess.STDOUT,
    )
    driver = None
    ok = False
    started = time.monotonic()
    try:
        app_flow.wait_for_driver(args.port, proc)
        opts = ArgOptions()
        opts.set_capability("browserName", "wry")
        opts.set_capability("tauri:options", {"application": str(args.app.resolve())})
        url = f"http://127.0.0.1:{args.port}"
        driver = webdriver.Remote(command_executor=url, options=opts, client_config=ClientConfig(url, timeout=60))
        driver.file_detector = UselessFileDetector()
        w = Window(driver, args.artifacts)
        app_flow.wizard_creates_the_owner(w)
        import_taobao_gbk_csv(w, scratch)
        reimport_and_undo_in_english(w, scratch)
        ok = True
        log(f"PASS in {time.monotonic() - started:.0f}s; screenshots: {', '.join(w.shots)}")
    except (AssertionError, WebDriverException, RuntimeError) as e:
        log(f"FAIL: {e}")
        traceback.print_exc()
        if driver is not None:
            try:
                driver.get_screenshot_as_file(str(args.artifacts / "failure.png"))
                (args.artifacts / "failure.html").write_text(driver.page_source, encoding="utf-8")
            except WebDriverException:
                pass
    finally:
        if driver is not None:
            try:
                driver.quit()
            except WebDriverException:
                pass
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        driver_log.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

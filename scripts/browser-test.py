#!/usr/bin/env python3
"""The intranet page as a person uses it: Debian's headless Chromium, driven by chromedriver over
the WebDriver HTTP protocol (urllib only), uploads the sample form to a unit's link and checks
that the form's page shows every lost point the CLI reports; screenshots go to out/.

usage: scripts/browser-test.py [--bin .build/debug/selfeval] [--out out]
Exits 0 when every check passes; prints "N passed, N failed".
"""
import argparse, base64, json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request, urllib.error

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "Fixtures", "qiannan-guangzhou-2023.csv")
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C WebDriver element key

passed, failed = 0, 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print("ok   " + what)
    else:
        failed += 1
        print("FAIL " + what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
    except urllib.error.HTTPError as e:
        raw = e.read()
    return json.loads(raw) if raw else {}


def wait_for(url, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except Exception:
            time.sleep(0.1)
    return False


class Browser:
    def __init__(self, driver):
        self.base = driver
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": shutil.which("chromium") or "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,768",
                     "--lang=zh-CN", "--force-device-scale-factor=1"]}}}}
        answer = http("POST", driver + "/session", caps, timeout=60)
        value = answer.get("value", {})
        if "sessionId" not in value:
            raise RuntimeError("chromedriver refused the session: %s" % answer)
        self.session = driver + "/session/" + value["sessionId"]

    def go(self, url):
        http("POST", self.session + "/url", {"url": url})

    def find(self, css):
        value = http("POST", self.session + "/element", {"using": "css selector", "value": css}).get("value", {})
        return value.get(ELEMENT) if isinstance(value, dict) else None

    def find_all(self, css):
        return [v[ELEMENT] for v in http("POST", self.session + "/elements", {"using": "css selector", "value": css}).get("value", [])]

    def text(self, element):
        return http("GET", self.session + "/element/%s/text" % element).get("value", "")

    def attribute(self, element, name):
        return http("GET", self.session + "/element/%s/attribute/%s" % (element, name)).get("value")

    def type(self, element, text):
        http("POST", self.session + "/element/%s/value" % element, {"text": text})

    def click(self, element):
        http("POST", self.session + "/element/%s/click" % element, {})

    def url(self):
        return http("GET", self.session + "/url").get("value", "")

    def resize(self, width, height):
        http("POST", self.session + "/window/rect", {"width": width, "height": height})

    def script(self, code):
        return http("POST", self.session + "/execute/sync", {"script": code, "args": []}).get("value")

    def screenshot(self, path):
        png = http("GET", self.session + "/screenshot").get("value", "")
        with open(path, "wb") as f:
            f.write(base64.b64decode(png))

    def quit(self):
        http("DELETE", self.session)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "selfeval"))
    parser.add_argument("--out", default=os.path.join(ROOT, "out"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    data = tempfile.mkdtemp(prefix="selfeval-browser-")
    procs = []
    try:
        link = subprocess.run([args.bin, "unit", "add", "黔南州驻广州办事处", "--data", data], check=True,
                              capture_output=True, text=True).stdout.strip()
        check(link.startswith("/u/") and len(link) == 51, "unit add prints /u/TOKEN (%s…)" % link[:8])
        expected = json.loads(subprocess.run([args.bin, "score", "--json", SAMPLE], capture_output=True, text=True).stdout)
        lost = [i for i in expected["indicators"] if i["weight"] is not None and i["score"] < i["weight"]]

        port, driver_port = free_port(), free_port()
        env = dict(os.environ, SELFEVAL_ADMIN_PASSWORD="browser-test-password")
        server = subprocess.Popen([args.bin, "serve", "--port", str(port), "--data", data], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        procs.append(server)
        check(wait_for("http://127.0.0.1:%d/health" % port), "selfeval serve answers on port %d" % port)
        driver = subprocess.Popen([shutil.which("chromedriver") or "/usr/bin/chromedriver", "--port=%d" % driver_port],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        procs.append(driver)
        check(wait_for("http://127.0.0.1:%d/status" % driver_port), "chromedriver starts")
        browser = Browser("http://127.0.0.1:%d" % driver_port)
        try:
            base = "http://127.0.0.1:%d" % port
            browser.go(base + link)
            file_input = browser.find("#file")
            check(file_input is not None, "the unit's page has a file input")
            pick = browser.find("label.pick")
            check(pick is not None and browser.text(pick).strip() == "选择文件",
                  "the file button is the page's own Chinese label, not the browser's")
            browser.type(file_input, SAMPLE)
            chosen = browser.find(".chosen")
            check(chosen is not None and browser.text(chosen) == os.path.basename(SAMPLE),
                  "the chosen file's name is shown beside it")
            browser.screenshot(os.path.join(args.out, "serve-upload.png"))
            browser.click(browser.find("#upload"))
            time.sleep(0.5)
            check(browser.url() == base + link, "the upload redirects to the unit's list (%s)" % browser.url())
            rows = browser.find_all("#forms tbody tr")
            check(len(rows) == 1, "the list shows one form")
            browser.screenshot(os.path.join(args.out, "serve-unit.png"))
            view = browser.find("#forms tbody tr td a")
            browser.click(view)
            time.sleep(0.3)
            check("/forms/" in browser.url(), "the form's page opens")
            page = browser.script("return document.body.innerText;") or ""
            total = expected["total"]["score"] if expected["total"] else None
            check(total is not None and str(total) in page, "the page shows the total %s" % total)
            check(browser.find(".sev-grid") is not None, "the page shows the printed grid")
            lost_rows = browser.find_all(".sev-lost-table tbody tr")
            check(len(lost_rows) >= len(lost) > 0, "the page lists %d lost indicators (%d rows)" % (len(lost), len(lost_rows)))
            table = "\n".join(browser.text(r) for r in lost_rows)
            for i in lost:
                points = "%.2f" % (i["weight"] - i["score"])
                check(i["name"] in table and points in table, "lost point shown: %s… %s" % (i["name"][:12], points))
            marks = browser.find_all(".sev-grid .sev-lostmk")
            check(len(marks) >= len(lost), "every lost point is marked at its cell in the grid (%d marks)" % len(marks))
            browser.screenshot(os.path.join(args.out, "serve-form.png"))
            height = browser.script("return document.documentElement.scrollHeight;") or 768
            browser.resize(1366, min(int(height) + 140, 6000))
            browser.screenshot(os.path.join(args.out, "serve-form-full.png"))
            # The bureau's page: log in with the password, see the unit's form in the table.
            browser.resize(1366, 768)
            browser.go(base + "/admin")
            check(browser.url() == base + "/admin/login", "/admin without a session shows the login page")
            browser.type(browser.find("#password"), "browser-test-password")
            browser.click(browser.find("button[type=submit]"))
            time.sleep(0.3)
            check(browser.url() == base + "/admin", "the password logs in")
            rows = browser.find_all("#summary tbody tr")
            check(len(rows) == 1 and "黔南州驻广州办事处" in browser.text(rows[0]), "the bureau's table lists the unit's form")
            browser.screenshot(os.path.join(args.out, "serve-admin.png"))
        finally:
            browser.quit()
    finally:
        for p in procs:
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(data, ignore_errors=True)
    print("browser-test: %d passed, %d failed" % (passed, failed))
    print("screenshots: %s" % ", ".join(os.path.join(args.out, n) for n in ("serve-upload.png", "serve-unit.png", "serve-form.png", "serve-form-full.png", "serve-admin.png")))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

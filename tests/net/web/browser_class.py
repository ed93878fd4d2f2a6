#!/usr/bin/python3
"""A live class with real browsers: the console host (`heparin-quiz host --headless`), three
students in headless Chromium (two phones at 360x640, one laptop at 1280x800) and one desktop
student (the bot program) play the three questions of web-class.xml; a fourth browser student
joins late and is removed.

Checked on the way: the code comes pre-filled from the QR code's URL, a taken nickname is refused
with the host's message, a single answer is given from the keyboard and another with the mouse, a
select-all answer is ticked and submitted, "answer received" follows the host's ack, the reveal
shows the verdict, the rationale of the option chosen and the explanation, the leaderboard gives
each student's rank, a phone reloaded mid-question comes back to its seat with its score, a
dropped connection comes back by itself, a pause is shown, a late joiner (Eve) starts at the
open question and, once removed by the instructor, is told so and does not come back, and the
results CSV holds the four who stayed.

Screenshots of the page (lobby, question, select-all, answered, reveal, final) at both sizes are
compared with the reviewed images in tests/golden/web/; QUIZ_UPDATE_GOLDENS=1 writes them instead
(look at every one before committing it).

usage: browser_class.py HEPARIN_QUIZ BOT PACK GOLDEN_DIR WORK_DIR
Run with /usr/bin/python3: Debian's python3-selenium is installed for that interpreter only.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pngdiff  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

# Seed 6 keeps the pack's order: web-01 (one answer), web-02 (select all), web-03.
CODE = "WEB234"
TIMEOUT = 20
failures = []


def fail(message):
    raise AssertionError(message)


def free_port():
    """A TCP port nothing listens on now (the host moves to the next one if it is taken)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Host:
    """The console host: pacing commands on stdin, its output lines collected by a thread."""

    def __init__(self, quiz, pack, work):
        self.lines = []
        self.lock = threading.Lock()
        self.err = open(os.path.join(work, "host.err"), "w")
        self.results = os.path.join(work, "results.csv")
        self.proc = subprocess.Popen(
            [quiz, "host", "--pack", pack, "--seed", "6", "--web-port", str(free_port()), "--bind",
             "127.0.0.1", "--code", CODE, "--discovery-port", "0", "--headless",
             "--time-limit", "600", "--results", self.results],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.err, text=True,
            bufsize=1)
        self.out = open(os.path.join(work, "host.out"), "w")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.out.write(line)
            self.out.flush()
            with self.lock:
                self.lines.append(line.rstrip("\n"))

    def wait_line(self, pattern, timeout=TIMEOUT):
        regex = re.compile(pattern)
        end = time.time() + timeout
        while time.time() < end:
            with self.lock:
                for line in self.lines:
                    found = regex.search(line)
                    if found:
                        return found
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        fail("host never printed /%s/" % pattern)

    def has_line(self, pattern):
        with self.lock:
            return any(re.search(pattern, line) for line in self.lines)

    def command(self, line):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def quit(self):
        self.command("quit")
        self.proc.stdin.close()
        return self.proc.wait(timeout=TIMEOUT)


class Student:
    """One browser: a phone (touch, 360x640) or a laptop (1280x800)."""

    def __init__(self, name, width, height, phone):
        self.name = name
        self.size = "%dx%d" % (width, height)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--hide-scrollbars",
                         "--force-device-scale-factor=1", "--font-render-hinting=none",
                         "--disable-lcd-text", "--window-size=1280,900",
                         "--disable-features=Translate,MediaRouter", "--lang=en-GB"):
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        # A headless window is never narrower than 500 px: a phone is emulated.
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone})
        if phone:
            self.driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled",
                                        {"enabled": True, "maxTouchPoints": 1})

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def view(self):
        return self.js("return document.body.dataset.view || ''")

    def text(self, element_id):
        return self.driver.find_element(By.ID, element_id).text

    def wait(self, condition, what, timeout=TIMEOUT):
        try:
            WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(lambda d: condition())
        except Exception:
            fail("%s: %s (view '%s', connection '%s')" % (
                self.name, what, self.view(), self.text("connection")))

    def wait_view(self, view, extra=None):
        self.wait(lambda: self.view() == view and (extra is None or extra()),
                  "never showed the %s" % view)

    def wait_question(self, question_id):
        self.wait_view("question", lambda: self.js(
            "return document.getElementById('view-question').dataset.question") == question_id)

    def option(self, letter):
        return self.driver.find_element(
            By.XPATH, "//div[@id='options']/label[.//*[local-name()='text' and text()='%s']]"
            % letter)

    def press(self, *keys):
        """Keys as typed, to whatever has the focus (the page handles letters and Enter)."""
        for key in keys:
            ActionChains(self.driver).send_keys(key).perform()

    def wait_received(self, last=False):
        """The host's ack shown; for the last student to answer, the reveal that answer
        brings may come first (the question closes when everyone has answered)."""
        self.wait(lambda: (last and self.view() == "reveal") or
                  self.text("answer-status") == "Answer received",
                  "never showed that the answer was received")

    def shot(self, scene, golden_dir, work):
        # Fonts loaded, nothing focused by the last click shows a caret, then the picture.
        self.js("return document.fonts.ready.then(() => true)")
        time.sleep(0.2)
        name = "%s_%s.png" % (scene, self.size)
        actual = os.path.join(work, "actual", name)
        self.driver.save_screenshot(actual)
        golden = os.path.join(golden_dir, name)
        if os.environ.get("QUIZ_UPDATE_GOLDENS") == "1":
            shutil.copyfile(actual, golden)
            print("wrote %s" % golden)
            return
        message = pngdiff.compare(actual, golden)
        if message:
            failures.append("%s: %s (actual kept in %s)" % (name, message, actual))

    def quit(self):
        self.driver.quit()


def play(host, students, bot, golden_dir, work, url):
    ana, ben, chi = students
    for student in list(students):
        student.driver.get(url + "&test=1")
        student.wait_view("join")
        if student.driver.find_element(By.ID, "code").get_attribute("value") != CODE:
            fail("%s: the class code was not filled in from the address" % student.name)

    # Ana types her name and presses Enter; Ben clicks Join.
    ana.driver.find_element(By.ID, "nickname").send_keys("Ana" + Keys.ENTER)
    ana.wait_view("lobby")
    ben.driver.find_element(By.ID, "nickname").send_keys("Ben")
    ben.driver.find_element(By.ID, "join-button").click()
    ben.wait_view("lobby")
    # Chi first asks for a taken nickname and is told why, then joins under her own.
    chi.driver.find_element(By.ID, "nickname").send_keys("Ana" + Keys.ENTER)
    chi.wait(lambda: "nickname" in chi.text("join-error").lower(),
             "a taken nickname was not refused with a message")
    chi.wait(lambda: chi.driver.find_element(By.ID, "join-button").is_enabled(),
             "the join button stayed disabled after a refusal")
    field = chi.driver.find_element(By.ID, "nickname")
    field.clear()
    field.send_keys("Chi" + Keys.ENTER)
    chi.wait_view("lobby")

    host.command("wait players 4 %d" % TIMEOUT)
    for student in (ana, ben):
        student.wait(lambda s=student: s.text("lobby-count").startswith("4 students"),
                     "the lobby never counted four students")
        student.shot("lobby", golden_dir, work)

    # Question 1, one answer: Ana from the keyboard, Ben and Chi with the mouse.
    host.command("start")
    for student in students:
        student.wait_question("web-01")
    if not ana.text("timer").endswith("left"):
        fail("the time left is not shown: '%s'" % ana.text("timer"))
    check_layout(ana)
    ana.shot("question", golden_dir, work)
    ben.shot("question", golden_dir, work)
    # Dee (the bot) answered at once; the question closes by itself with the last answer.
    ana.press("b", Keys.ENTER)
    ana.wait_received()
    ana.shot("answered", golden_dir, work)
    ben.option("A").click()
    ben.driver.find_element(By.ID, "submit").click()
    ben.wait_received()
    ben.shot("answered", golden_dir, work)
    chi.option("B").click()
    chi.driver.find_element(By.ID, "submit").click()
    chi.wait_received(last=True)
    host.command("wait phase reveal %d" % TIMEOUT)
    for student in students:
        student.wait_view("reveal")
    check_reveal(ana, "Correct", "Protamine binds heparin")
    check_reveal(ben, "Wrong", "Vitamin K reverses warfarin")
    if "positively charged protein" not in ana.text("reveal-explanation"):
        fail("the explanation is not shown")
    ana.shot("reveal", golden_dir, work)
    ben.shot("reveal", golden_dir, work)

    host.command("next")
    for student in students:
        student.wait_view("leaderboard")
    chi_score = re.search(r"([\d,]+) points", chi.text("rank-score")).group(1)
    if not ana.text("rank-title").startswith("You are 1st of 4"):
        fail("Ana's rank after question 1: '%s'" % ana.text("rank-title"))

    # Question 2, select all: Chi reloads first (while Ana and Ben have not answered, so the
    # question stays open), then ticks with clicks; Ana uses keys, Ben clicks.
    host.command("next")
    for student in students:
        student.wait_question("web-02")
    chi.driver.refresh()
    chi.wait_question("web-02")
    if "Chi" not in chi.text("who"):
        fail("after a reload Chi is not back as Chi: '%s'" % chi.text("who"))
    ana.press("a", "b")
    ben.option("A").click()
    ben.option("B").click()
    ana.shot("select-all", golden_dir, work)
    ben.shot("select-all", golden_dir, work)
    ana.press(Keys.ENTER)
    ana.wait_received()
    ben.driver.find_element(By.ID, "submit").click()
    ben.wait_received()
    chi.option("A").click()
    chi.option("B").click()
    chi.driver.find_element(By.ID, "submit").click()
    chi.wait_received(last=True)
    host.command("wait phase reveal %d" % TIMEOUT)
    chi.wait_view("reveal")
    kept = int(chi_score.replace(",", ""))
    total = int(re.search(r"([\d,]+) in all", chi.text("reveal-points")).group(1).replace(",", ""))
    earned = int(re.search(r"\+([\d,]+) points", chi.text("reveal-points")).group(1)
                 .replace(",", ""))
    if kept == 0 or total != kept + earned:
        fail("Chi's score after the reload: %d kept + %d earned, told %d" % (kept, earned, total))
    host.command("next")
    host.command("next")

    # Question 3: Eve arrives late, on a phone, and starts at the open question.
    for student in students:
        student.wait_question("web-03")
    eve = Student("Eve", 360, 640, True)
    students.append(eve)
    eve.driver.get(url + "&test=1")
    eve.wait_view("join")
    eve.driver.find_element(By.ID, "nickname").send_keys("Eve" + Keys.ENTER)
    eve.wait_question("web-03")
    # The instructor pauses: shown in words, answering waits, the clock stands still.
    host.command("pause")
    ana.wait(lambda: ana.driver.find_element(By.ID, "paused").is_displayed(),
             "the pause was not shown")
    if ana.driver.find_element(By.ID, "submit").is_enabled() or "paused" not in ana.text("timer"):
        fail("while paused Submit stays usable or the clock does not say so")
    host.command("resume")
    ana.wait(lambda: not ana.driver.find_element(By.ID, "paused").is_displayed(),
             "the end of the pause was not shown")
    # Ana's Wi-Fi drops (the page is not told): she is back at the same question.
    ana.js("window.HeparinQuiz.dropConnection()")
    ana.wait(lambda: ana.text("connection") == "" and ana.view() == "question",
             "the page did not reconnect after a drop")
    ana.press("a", Keys.ENTER)
    ana.wait_received()
    for student in (ben, chi, eve):
        student.option("A").click()
        student.driver.find_element(By.ID, "submit").click()
        student.wait_received(last=student is eve)
    host.command("wait phase reveal %d" % TIMEOUT)
    host.command("next")
    for student in students:
        student.wait_view("leaderboard")

    # Eve is removed: she is told, her seat is forgotten and she does not come back.
    host.command("kick Eve")
    eve.wait_view("ended")
    if "removed" not in eve.text("ended-text").lower():
        fail("the kicked student was not told: '%s'" % eve.text("ended-text"))
    time.sleep(3)
    if eve.view() != "ended" or eve.js("return localStorage.getItem('heparin-quiz.seat.%s')"
                                       % CODE):
        fail("the kicked student tried to come back")
    if host.has_line(r"rejoined: Eve"):
        fail("the kicked student rejoined")
    host.command("next")
    for student in (ana, ben, chi):
        student.wait_view("final")
    if not ana.text("final-title").startswith("You finished 1st of 4"):
        fail("Ana's final standing: '%s'" % ana.text("final-title"))
    ana.shot("final", golden_dir, work)
    ben.shot("final", golden_dir, work)
    bot.wait(timeout=TIMEOUT)


def check_layout(student):
    """Every control on screen is at least 48 px tall and wide, nothing scrolls sideways, and
    text is sized in rem (it follows the browser's font size)."""
    small = student.js("""
        const out = [];
        for (const e of document.querySelectorAll('button, .option, input')) {
          const r = e.getBoundingClientRect();
          if (r.width === 0 || e.closest('[hidden]') || e.closest('.option') && e.tagName === 'INPUT')
            continue;
          if (r.height < 48 || r.width < 48) out.push(e.id || e.className + ' ' + r.height);
        }
        return out;""")
    if small:
        fail("%s: touch targets under 48 px: %s" % (student.name, small))
    width = student.js("return document.documentElement.scrollWidth")
    if width > student.js("return window.innerWidth"):
        fail("%s: the page scrolls sideways (%d px wide)" % (student.name, width))
    # Doubling the root size doubles the stem's: nothing is fixed in pixels.
    before = student.js("return parseFloat(getComputedStyle(document.getElementById('stem')).fontSize)")
    after = student.js("""document.documentElement.style.fontSize = '200%';
        const size = parseFloat(getComputedStyle(document.getElementById('stem')).fontSize);
        document.documentElement.style.fontSize = '';
        return size;""")
    if abs(after - 2 * before) > 0.5:
        fail("%s: text does not follow the browser's font size (%s px, then %s px)" % (
            student.name, before, after))


def check_reveal(student, verdict, rationale):
    if student.text("reveal-verdict") != verdict:
        fail("%s's verdict: '%s', expected '%s'" % (
            student.name, student.text("reveal-verdict"), verdict))
    if rationale not in student.text("reveal-yours"):
        fail("%s's reveal lacks the rationale of the option chosen" % student.name)
    if not student.text("reveal-correct"):
        fail("%s's reveal lacks the correct answer" % student.name)


def check_results(path):
    with open(path, encoding="utf-8") as results:
        rows = [line.rstrip("\n").split(",") for line in results]
    for name in ("Ana", "Ben", "Chi", "Dee"):
        answers = [row for row in rows if row[0] == "answer" and len(row) > 2 and row[2] == name]
        if not answers:
            fail("the results CSV has no answers from %s" % name)


def report(problems, logs):
    """Prints each problem and where the logs are, or PASS; returns the exit status."""
    if problems:
        for problem in problems:
            print("FAIL: " + problem)
        print(logs)
        return 1
    print("PASS")
    return 0


def run_phone_and_laptop(argv, code, shots, play, answers):
    """The numeric and the steps tests' whole run: a console host with the pack argv[2] (the
    program argv[1], output in argv[3]), Ana on a phone (360x640, touch) and Ben on a laptop
    (1280x800), play(host, ana, ben, url, work), then the results CSV must hold `answers`
    answer rows. Screenshots go into work/`shots`. Returns the exit status."""
    global CODE
    quiz, pack, work = argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, shots))
    CODE = code
    host = Host(quiz, pack, work)
    students = []
    problems = []
    try:
        found = host.wait_line(r"^students: (http://[^/]+/\?code=(\w+))$")
        students = [Student("Ana", 360, 640, True), Student("Ben", 1280, 800, False)]
        play(host, students[0], students[1], found.group(1), work)
        status = host.quit()
        if status != 0:
            fail("the host exited with %d" % status)
        with open(host.results, encoding="utf-8") as results:
            rows = [line for line in results if line.startswith("answer,")]
        if len(rows) != answers:
            fail("the results CSV has %d answers, not %d" % (len(rows), answers))
    except AssertionError as problem:
        problems.append(str(problem))
    finally:
        for student in students:
            student.quit()
        if host.proc.poll() is None:
            host.proc.kill()
    return report(problems, "host output: %s/host.out, host.err" % work)


def main():
    quiz, bot_program, pack, golden_dir, work = sys.argv[1:6]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "actual"))
    os.makedirs(golden_dir, exist_ok=True)
    host = Host(quiz, pack, work)
    students = []
    bot = None
    try:
        found = host.wait_line(r"^students: (http://[^/]+/\?code=(\w+))$")
        url = found.group(1)
        port = re.search(r":(\d+)/", url).group(1)
        students = [Student("Ana", 360, 640, True), Student("Ben", 1280, 800, False),
                    Student("Chi", 360, 640, True)]
        with open(os.path.join(work, "bot.out"), "w") as out:
            bot = subprocess.Popen([bot_program, "--port", port, "--code", CODE, "--name", "Dee",
                                    "--answers", "b,a;b,a"], stdout=out, stderr=subprocess.STDOUT)
            play(host, students, bot, golden_dir, work, url)
        status = host.quit()
        if status != 0:
            fail("the host exited with %d" % status)
        check_results(host.results)
    except AssertionError as problem:
        failures.insert(0, str(problem))
    finally:
        for student in students:
            student.quit()
        if bot is not None and bot.poll() is None:
            bot.kill()
        if host.proc.poll() is None:
            host.proc.kill()
    return report(failures, "host output: %s/host.out, host.err; bot: %s/bot.out" % (work, work))


if __name__ == "__main__":
    sys.exit(main())

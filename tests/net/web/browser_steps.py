#!/usr/bin/python3
"""Ordering and matching questions in a live class with real browsers: the console host plays
web-steps.xml (the five steps of a subcutaneous injection; three anticoagulants to match to
their antidotes, a distractor among the answers) to two students in headless Chromium, a phone
(360x640, touch) and a laptop (1280x800).

Checked: an ordering question is a list with an Up and a Down button on each item (each at
least 48 px, named "Move C up" ...), never shown in the right order; the phone taps the items
into the right order, the laptop moves one item with the keyboard (Enter on its Down button)
and sends that order with Enter; a matching question is one list per prompt and Submit stays
disabled until every prompt has an answer; the phone matches all three, the laptop takes the
distractor for one. The reveal tells the phone "Correct" and the laptop how many of its pairs
were right ("Your order had 1 of 4 pairs right", "You matched 2 of 3 prompts right"), lists the
right order or pairs with each rationale and how the class answered; the points follow the
pack's scoring (partial by pairs for the order, all or nothing for the matching); the host's
results count four answers. Screenshots of both questions and reveals go to WORK_DIR/shots.

usage: browser_steps.py HEPARIN_QUIZ PACK WORK_DIR
Run with /usr/bin/python3: Debian's python3-selenium is installed for that interpreter only.
"""
import base64
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_class  # noqa: E402
from browser_class import check_layout, fail  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

# The right order by the start of each item's text, and the right answer of each prompt.
STEPS = ["Check the order", "Choose a site", "Pinch a fold", "Inject slowly", "Withdraw and press"]
ANTIDOTES = {"Unfractionated heparin": "Protamine sulfate", "Warfarin": "Vitamin K",
             "Dabigatran": "Idarucizumab"}


def shot(student, scene, work):
    """What the student sees from the top of the view, and the whole page."""
    student.js("return document.fonts.ready.then(() => true)")
    student.js("window.scrollTo(0, 0)")
    time.sleep(0.2)
    name = os.path.join(work, "shots", "%s_%s" % (scene, student.size))
    student.driver.save_screenshot(name + ".png")
    size = student.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    full = student.driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
    with open(name + "-full.png", "wb") as out:
        out.write(base64.b64decode(full["data"]))


def shown_order(student):
    """The items' texts as the page lists them, top first, and their letters."""
    return student.js("""return [...document.querySelectorAll('#steps li.step')].map(li =>
        [li.dataset.letter, li.querySelector('.step-text').textContent.slice(3)]);""")


def step_index(text):
    for i, start in enumerate(STEPS):
        if text.startswith(start):
            return i
    fail("an item the pack does not have: '%s'" % text)


def right_pairs(order):
    return sum(1 for a, b in zip(order, order[1:]) if step_index(b) == step_index(a) + 1)


def check_ordering_page(student):
    items = shown_order(student)
    if len(items) != 5:
        fail("%s: %d items shown, not 5" % (student.name, len(items)))
    if [step_index(text) for _, text in items] == list(range(5)):
        fail("%s: the items are shown in the right order" % student.name)
    if student.driver.find_element(By.ID, "options-set").is_displayed():
        fail("%s: an ordering question shows options" % student.name)
    first = items[0][0]
    labels = student.js("""return [...document.querySelectorAll('#steps button')].map(b =>
        b.getAttribute('aria-label') + (b.disabled ? ' (off)' : ''));""")
    if "Move %s up (off)" % first not in labels or "Move %s down" % first not in labels:
        fail("%s: the buttons do not say what they move: %s" % (student.name, labels))
    if student.driver.find_element(By.ID, "submit").get_attribute("disabled"):
        fail("%s: Submit is disabled on a complete order" % student.name)


def tap_into_order(student):
    """Moves each item up to its place with taps on its Up button."""
    for target in range(5):
        items = shown_order(student)
        at = [step_index(text) for _, text in items].index(target)
        for _ in range(at - target):
            letter = shown_order(student)[at][0]
            student.driver.find_element(
                By.CSS_SELECTOR, "#steps li[data-letter='%s'] button.up" % letter).click()
            at -= 1
    if [step_index(text) for _, text in shown_order(student)] != list(range(5)):
        fail("%s: the taps did not put the items in order" % student.name)


def play_ordering(host, ana, ben, work):
    for student in (ana, ben):
        check_ordering_page(student)
    check_layout(ana)
    shot(ana, "steps-ordering-question", work)
    tap_into_order(ana)
    ana.driver.find_element(By.ID, "submit").click()
    ana.wait_received()
    # The laptop: Enter on the first item's Down button twice moves it two places down (the
    # focus follows the item), then Enter on Submit sends what is shown.
    first = shown_order(ben)[0][0]
    ben.js("document.querySelector(\"#steps li[data-letter='%s'] button.down\").focus()" % first)
    ben.press(Keys.ENTER, Keys.ENTER)
    order = [text for _, text in shown_order(ben)]
    if shown_order(ben)[2][0] != first:
        fail("the keyboard did not move %s two places down: %s" % (first, shown_order(ben)))
    pairs = right_pairs(order)
    shot(ben, "steps-ordering-question", work)
    ben.js("document.getElementById('submit').focus()")
    ben.press(Keys.ENTER)
    ben.wait_received(last=True)
    host.command("wait phase reveal %d" % browser_class.TIMEOUT)
    for student in (ana, ben):
        student.wait_view("reveal")
    if ana.text("reveal-verdict") != "Correct":
        fail("Ana's verdict on the order: '%s'" % ana.text("reveal-verdict"))
    if "Your order had 4 of 4 pairs right" not in ana.text("reveal-yours"):
        fail("Ana's reveal: '%s'" % ana.text("reveal-yours"))
    said = "Your order had %d of 4 pairs right" % pairs
    if said not in ben.text("reveal-yours"):
        fail("Ben's reveal does not say '%s': '%s'" % (said, ben.text("reveal-yours")))
    expected = "Correct" if pairs == 4 else "Partly right" if pairs > 0 else "Wrong"
    if ben.text("reveal-verdict") != expected:
        fail("Ben's verdict: '%s', not '%s'" % (ben.text("reveal-verdict"), expected))
    # Partial by adjacent pairs: a quarter of 1,000 points per pair.
    if not ben.text("reveal-points").startswith("+%d points" % (250 * pairs)):
        fail("Ben's points: '%s' for %d pairs" % (ben.text("reveal-points"), pairs))
    key = ana.text("reveal-correct")
    if "Rubbing the site raises the risk of a haematoma." not in key:
        fail("the right order lacks the items' rationales: '%s'" % key)
    lines = [line for line in key.split("\n") if any(line[3:].startswith(s) for s in STEPS)]
    if [step_index(line[3:]) for line in lines] != list(range(5)):
        fail("the reveal does not list the items in the right order: %s" % lines)
    groups = ana.text("reveal-groups")
    wanted = "All right: %d" % (2 if pairs == 4 else 1)
    if wanted not in groups:
        fail("how the class answered: '%s', expected '%s'" % (groups, wanted))
    if "Check first, then site" not in ana.text("reveal-explanation"):
        fail("the ordering question's explanation is not shown: '%s'"
             % ana.text("reveal-explanation"))
    for student in (ana, ben):
        shot(student, "steps-ordering-reveal", work)
    return pairs


def choose(student, prompt_number, antidote):
    select = Select(student.driver.find_element(By.ID, "match-%d" % prompt_number))
    for option in select.options:
        if option.text[3:].startswith(antidote):
            select.select_by_visible_text(option.text)
            return
    fail("%s: no choice '%s'" % (student.name, antidote))


def play_matching(host, ana, ben, work):
    prompts = ana.js("""return [...document.querySelectorAll('#steps li.match label')].map(l =>
        l.textContent.slice(3));""")
    if sorted(prompts) != sorted(ANTIDOTES):
        fail("the prompts shown: %s" % prompts)
    choices = ana.js("""return [...document.querySelectorAll('#match-1 option')].map(o =>
        o.textContent);""")
    if len(choices) != 5 or not any("Naloxone" in c for c in choices):
        fail("the choices (a placeholder, three answers, the distractor): %s" % choices)
    check_layout(ana)
    for student, wrong in ((ana, None), (ben, "Warfarin")):
        for number, prompt in enumerate(prompts, 1):
            if not student.driver.find_element(By.ID, "submit").get_attribute("disabled"):
                fail("%s: Submit is enabled before every prompt has an answer" % student.name)
            choose(student, number, "Naloxone" if prompt == wrong else ANTIDOTES[prompt])
        if student.driver.find_element(By.ID, "submit").get_attribute("disabled"):
            fail("%s: Submit stays disabled with every prompt answered" % student.name)
        shot(student, "steps-matching-question", work)
        student.driver.find_element(By.ID, "submit").click()
        student.wait_received(last=student is ben)
    host.command("wait phase reveal %d" % browser_class.TIMEOUT)
    for student in (ana, ben):
        student.wait_view("reveal")
    if ana.text("reveal-verdict") != "Correct" or "You matched 3 of 3 prompts right" not in \
            ana.text("reveal-yours"):
        fail("Ana's matching reveal: '%s' / '%s'" % (ana.text("reveal-verdict"),
                                                     ana.text("reveal-yours")))
    # All or nothing: two of three right earn nothing.
    if ben.text("reveal-verdict") != "Wrong" or "You matched 2 of 3 prompts right" not in \
            ben.text("reveal-yours"):
        fail("Ben's matching reveal: '%s' / '%s'" % (ben.text("reveal-verdict"),
                                                     ben.text("reveal-yours")))
    if not ben.text("reveal-points").startswith("+0 points"):
        fail("Ben's points for a partly right all-or-nothing matching: '%s'"
             % ben.text("reveal-points"))
    key = ben.text("reveal-correct")
    if "Warfarin → " not in key or "Vitamin K lets the liver make clotting factors" not in key:
        fail("the right pairs lack a prompt, its answer or its rationale: '%s'" % key)
    if "All right: 1" not in ben.text("reveal-groups") or \
            "Partly right: 1" not in ben.text("reveal-groups"):
        fail("how the class answered: '%s'" % ben.text("reveal-groups"))
    # This question has no explanation, so no empty heading stands at the end of the reveal.
    if ana.driver.find_element(By.ID, "reveal-explanation-title").is_displayed():
        fail("an Explanation heading is shown for a question without one")
    for student in (ana, ben):
        shot(student, "steps-matching-reveal", work)


def play(host, ana, ben, url, work):
    for student, name in ((ana, "Ana"), (ben, "Ben")):
        student.driver.get(url + "&test=1")
        student.wait_view("join")
        student.driver.find_element(By.ID, "nickname").send_keys(name + Keys.ENTER)
        student.wait_view("lobby")
    host.command("wait players 2 %d" % browser_class.TIMEOUT)
    host.command("start")
    played = []
    for _ in range(2):
        for student in (ana, ben):
            student.wait_view("question")
        kind = ana.js("return document.getElementById('view-question').dataset.kind")
        if kind in played or kind not in ("ordering", "matching"):
            fail("the question shown is of kind '%s' (played: %s)" % (kind, played))
        played.append(kind)
        if kind == "ordering":
            play_ordering(host, ana, ben, work)
        else:
            play_matching(host, ana, ben, work)
        host.command("next")
        host.command("next")
    for student in (ana, ben):
        student.wait_view("final")


def main():
    return browser_class.run_phone_and_laptop(sys.argv, "STEP23", "shots", play, 4)


if __name__ == "__main__":
    sys.exit(main())

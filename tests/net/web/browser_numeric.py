#!/usr/bin/python3
"""A numeric question in a live class with real browsers: the console host plays the one
question of web-dose.xml (a heparin bolus in mL, the weight drawn) to two students in headless
Chromium, a phone (360x640, touch) and a laptop (1280x800).

Checked: the page shows a number field (inputmode="decimal", at least 48 px tall, focused) with
the unit and the rounding rule and no options; letters typed and sent with Enter come back with
the host's message and do not count; the phone then types the right answer with a decimal comma
and Enter, the laptop clicks the field, types the pounds-for-kilograms slip with a point and
clicks Submit; both get "Answer received"; the reveal tells the phone "Correct" with the value
and its unit, and the laptop "Wrong" with the named mistake's explanation and the critical
safety line; the host's results count both. Screenshots of the question and of each reveal,
on the phone and on the laptop, go to WORK_DIR/screens/ (looked at, not compared): in each the
number field, its unit and Submit (the verdict and the correct value at the reveal) lie inside
the viewport, nothing scrolls sideways, and the pixels under each of them are painted.

usage: browser_numeric.py HEPARIN_QUIZ PACK WORK_DIR
Run with /usr/bin/python3: Debian's python3-selenium is installed for that interpreter only.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_class  # noqa: E402
import pngdiff  # noqa: E402
from browser_class import check_layout, fail  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402


def values(student):
    """The right answer and the pounds slip for the drawn weight in the stem (80 units/kg from
    5,000 units/mL, to the nearest tenth of a mL)."""
    weight = float(re.search(r"weighs (\d+) kg", student.text("stem")).group(1))
    return round(weight * 80 / 5000 + 1e-9, 1), round(weight * 2.2 * 80 / 5000 + 1e-9, 1)


def check_shot(student, scene, ids, work):
    """Saves the screenshot WORK/screens/SCENE_WxH.png and checks that each element of `ids`
    lies wholly inside the viewport, that the page does not scroll sideways, and that the
    pixels under each element are not all one colour (it is drawn, not hidden or covered)."""
    student.js("return document.fonts.ready.then(() => true)")
    path = os.path.join(work, "screens", "%s_%s.png" % (scene, student.size))
    student.driver.save_screenshot(path)
    width, height, channels, rows = pngdiff.read(path)
    inner = student.js("return [window.innerWidth, window.innerHeight]")
    if [width, height] != inner:
        fail("%s: the %s screenshot is %dx%d, the viewport %dx%d" % (
            student.name, scene, width, height, inner[0], inner[1]))
    if student.js("return document.documentElement.scrollWidth") > inner[0]:
        fail("%s: the %s scrolls sideways" % (student.name, scene))
    for element_id in ids:
        box = student.js("""const r = document.getElementById(arguments[0]).getBoundingClientRect();
            return [r.left, r.top, r.right, r.bottom];""", element_id)
        left, top, right, bottom = box
        if left < 0 or top < 0 or right > inner[0] or bottom > inner[1] or right <= left:
            fail("%s: #%s is not inside the %dx%d viewport in the %s: %s (%s)" % (
                student.name, element_id, inner[0], inner[1], scene, box, path))
        colours = set()
        for y in range(int(top), int(bottom)):
            row = rows[y]
            for x in range(int(left), int(right)):
                colours.add(bytes(row[x * channels:x * channels + 3]))
        if len(colours) < 2:
            fail("%s: nothing is drawn where #%s is in the %s (%s)" % (
                student.name, element_id, scene, path))
    return path


def play(host, ana, ben, url, work):
    for student, name in ((ana, "Ana"), (ben, "Ben")):
        student.driver.get(url + "&test=1")
        student.wait_view("join")
        student.driver.find_element(By.ID, "nickname").send_keys(name + Keys.ENTER)
        student.wait_view("lobby")
    host.command("wait players 2 %d" % browser_class.TIMEOUT)
    host.command("start")
    for student in (ana, ben):
        student.wait_question("dose-bolus")
        if student.js("return document.getElementById('view-question').dataset.kind") != "numeric":
            fail("%s: the question is not shown as numeric" % student.name)
        field = student.driver.find_element(By.ID, "number")
        if not field.is_displayed() or field.get_attribute("inputmode") != "decimal":
            fail("%s: no number field with inputmode=decimal" % student.name)
        if student.driver.find_element(By.ID, "options-set").is_displayed():
            fail("%s: a numeric question shows options" % student.name)
        if student.text("number-unit") != "mL":
            fail("%s: the unit shown is '%s'" % (student.name, student.text("number-unit")))
        if "Round to the nearest tenth" not in student.text("number-rule"):
            fail("%s: the rounding rule is not shown: '%s'" % (student.name,
                                                              student.text("number-rule")))
    check_layout(ana)  # the phone: touch targets, no sideways scrolling, rem sizes
    for student in (ana, ben):
        check_shot(student, "numeric-question", ("number", "number-unit", "submit"), work)
    # The longest unit of the shipped packs still fits beside the field on the phone.
    ana.js("document.getElementById('number-unit').textContent = 'units/kg/h'")
    check_shot(ana, "numeric-question-long-unit", ("number", "number-unit", "submit"), work)
    ana.js("document.getElementById('number-unit').textContent = 'mL'")
    if ana.js("return document.activeElement.id") != "number":
        fail("the number field does not have the focus when the question opens")
    right, pounds = values(ana)

    # Letters: the host refuses them with its message; nothing is counted.
    ana.press("12abc", Keys.ENTER)
    ana.wait(lambda: "answer-status refused" in ana.js(
        "return document.getElementById('answer-status').className"),
        "letters were not refused with the host's message")
    message = ana.text("answer-status")
    check_shot(ana, "numeric-refused", ("number", "submit", "answer-status"), work)
    if "letters" not in message.lower() and "digits" not in message.lower():
        fail("the refusal does not say what is wrong: '%s'" % message)
    field = ana.driver.find_element(By.ID, "number")
    field.clear()
    field.send_keys(("%.1f" % right).replace(".", ","))
    if ana.text("answer-status"):
        fail("the refusal stays after the number is typed again: '%s'"
             % ana.text("answer-status"))
    ana.press(Keys.ENTER)
    ana.wait_received()
    # The laptop: a click in the field, the pounds slip with a point, a click on Submit.
    ben.driver.find_element(By.ID, "number").click()
    ben.press("%.1f" % pounds)
    ben.driver.find_element(By.ID, "submit").click()
    ben.wait_received(last=True)
    host.command("wait phase reveal %d" % browser_class.TIMEOUT)
    for student in (ana, ben):
        student.wait_view("reveal")
    if ana.text("reveal-verdict") != "Correct":
        fail("Ana's verdict: '%s'" % ana.text("reveal-verdict"))
    if ("%.1f mL" % right) not in ana.text("reveal-correct"):
        fail("the correct value with its unit is not shown: '%s'" % ana.text("reveal-correct"))
    if ben.text("reveal-verdict") != "Wrong":
        fail("Ben's verdict: '%s'" % ben.text("reveal-verdict"))
    if "pounds" not in ben.text("reveal-mistake"):
        fail("Ben's named mistake is not explained: '%s'" % ben.text("reveal-mistake"))
    if not ben.driver.find_element(By.ID, "reveal-critical").is_displayed():
        fail("2.2 times the dose is not marked as a critical safety error")
    if ("%.1f mL" % pounds) not in ben.text("reveal-yours"):
        fail("Ben's typed value is not shown: '%s'" % ben.text("reveal-yours"))
    check_shot(ana, "numeric-reveal", ("reveal-verdict", "reveal-correct"), work)
    check_shot(ben, "numeric-reveal", ("reveal-verdict", "reveal-correct", "reveal-mistake"), work)
    host.command("next")
    host.command("next")
    for student in (ana, ben):
        student.wait_view("final")


def main():
    return browser_class.run_phone_and_laptop(sys.argv, "DOSE23", "screens", play, 2)


if __name__ == "__main__":
    sys.exit(main())

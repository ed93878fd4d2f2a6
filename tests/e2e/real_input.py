#!/usr/bin/python3
"""The game as a person meets it: the real window on a virtual X server of its own, driven by
real X input events (xdotool, through XTEST) with no settling step, and looked at through
screenshots taken from the X server (ImageMagick's `import`).

Plays a keyboard-only tutor round from the title screen, a mouse-only round, a projector
class at 1280x720 and 800x600, and ten numeric questions with drawn numbers typed by keyboard
(a named mistake among them). Fails when

- a frame left on screen while nothing is pressed is not the settled one (a transition that
  stopped part way: the new screen drawn 48 px to the right until the next input),
- a recorded time on task is more than 0.5 s off the time the script waited,
- the game uses 2% CPU or more once the screen has settled,
- a class's results overwrite another's, or name internal option ids instead of letters,
- a typed right answer is not taken as right, or the pounds-for-kilograms slip is not named.

Usage: real_input.py --game EXE --data-dir PACKS --out DIR
Exit codes: 0 passed, 1 failed, 77 skipped (xdotool, ImageMagick or Xvfb missing).
"""

import argparse
import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
FAILURES = []
SHOTS = []


def fail(message):
    FAILURES.append(message)
    print("FAIL: " + message, flush=True)


def note(message):
    print(message, flush=True)


# ---- the X server -----------------------------------------------------------------------------


class Xserver:
    """A private Xvfb (1920x1080x24, no window manager), so nothing else takes the focus."""

    def __init__(self):
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten",
             "tcp", "-noreset"], pass_fds=[write], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(write)
        number = b""
        with os.fdopen(read, "rb") as pipe:
            while not number.endswith(b"\n"):
                chunk = pipe.read(1)
                if not chunk:
                    break
                number += chunk
        if not number.strip():
            raise RuntimeError("Xvfb did not start")
        self.display = ":" + number.decode().strip()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def x(args, env, check=True):
    result = subprocess.run(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, timeout=30)
    if check and result.returncode != 0:
        raise RuntimeError(" ".join(args) + ": " + result.stderr.strip())
    return result.stdout


# ---- the game window --------------------------------------------------------------------------


class Game:
    """One run of the game in a window of `size`, with its own fresh profile folder."""

    def __init__(self, h, name, size, arguments):
        self.h = h
        self.name = name
        self.work = os.path.join(h.out, name)
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.work)
        self.profile = os.path.join(self.work, "profile")
        self.results = os.path.join(self.work, "results.json")
        self.width, self.height = size
        env = dict(h.env)
        # A fresh profile every run: nothing saved by an earlier run (or the user) takes part.
        env["XDG_DATA_HOME"] = os.path.join(self.work, "xdg-data")
        env["XDG_CONFIG_HOME"] = os.path.join(self.work, "xdg-config")
        data_dir = h.dose_dir if name.startswith("dose-") else h.data_dir
        command = [h.game] + arguments + [
            "--window", "%dx%d" % size, "--mute", "--data-dir", data_dir, "--profile-dir",
            self.profile, "--results", self.results]
        self.log = open(os.path.join(self.work, "game.log"), "w")
        self.proc = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.window = self.find_window()
        self.appeared = time.monotonic()
        # With no window manager the window stays where it was made (SFML puts it part off a
        # 1920x1080 screen): put it in the top left corner, all of it on the screen.
        x(["xdotool", "windowmove", "--sync", self.window, "0", "0"], h.env)
        geometry = x(["xdotool", "getwindowgeometry", "--shell", self.window], h.env)
        values = dict(line.split("=", 1) for line in geometry.split())
        self.left, self.top = int(values["X"]), int(values["Y"])
        if (int(values["WIDTH"]), int(values["HEIGHT"])) != size:
            fail("%s: the window is %sx%s, not %dx%d" % (name, values["WIDTH"], values["HEIGHT"],
                                                         size[0], size[1]))
        x(["xdotool", "windowfocus", "--sync", self.window], h.env)
        # The pointer rests where nothing is (the bottom left corner, under no button): a
        # pointer left over a button from the last run would light it at the first move.
        x(["xdotool", "mousemove", str(self.left + 2), str(self.top + self.height - 2)], h.env)
        self.nudged = False
        time.sleep(0.8)  # the first frame

    def find_window(self):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("%s: the game exited with %d before its window showed"
                                   % (self.name, self.proc.returncode))
            found = x(["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid),
                       "--name", "^Heparin Quiz$"], self.h.env, check=False).split()
            if not found:  # without _NET_WM_PID, by name alone (only the game runs here)
                found = x(["xdotool", "search", "--onlyvisible", "--name", "^Heparin Quiz$"],
                          self.h.env, check=False).split()
            if found:
                return found[0]
            time.sleep(0.1)
        raise RuntimeError("%s: no game window within 20 s" % self.name)

    # input: real X events through XTEST, to the focused window

    def key(self, *names):
        for name in names:
            x(["xdotool", "key", "--clearmodifiers", name], self.h.env)
            time.sleep(0.05)

    def click(self, px, py):
        x(["xdotool", "mousemove", "--window", self.window, str(int(px)), str(int(py)), "click",
           "1"], self.h.env)
        time.sleep(0.05)

    def nudge(self):
        """Moves the pointer by one pixel, back and forth: an input event that leaves hover
        as it was (a button under the pointer stays under it), after which the game must draw
        exactly what it drew before."""
        where = x(["xdotool", "getmouselocation", "--shell"], self.h.env)
        values = dict(line.split("=", 1) for line in where.split())
        self.nudged = not self.nudged
        px = int(values["X"]) + (1 if self.nudged else -1)
        x(["xdotool", "mousemove", str(max(px, 0)), values["Y"]], self.h.env)

    # output: what the X server shows

    def shot(self, label):
        path = os.path.join(self.work, label + ".png")
        x(["import", "-window", "root", "-crop",
           "%dx%d+%d+%d" % (self.width, self.height, self.left, self.top), "+repage", path],
          self.h.env)
        SHOTS.append(path)
        return path

    def settled(self, label, wait=0.5):
        """Waits with no input, takes a screenshot, then one after an input event that changes
        nothing: a transition left part way while the game waited for input shows as a
        difference. Returns the first screenshot's path."""
        time.sleep(wait)
        first = self.shot(label)
        self.nudge()
        time.sleep(0.3)
        later = self.shot(label + "-after-input")
        differing = pixels_differing(first, later, self.h.env)
        if differing != 0:
            fail("%s/%s: the frame on screen after %.1f s with no input was not the settled "
                 "one: %s pixels changed after a one-pixel pointer move (a transition that "
                 "stopped while the game waited for input)" % (self.name, label, wait,
                                                               differing))
        return first

    def idle_cpu_percent(self, seconds=3.0):
        """CPU used by the game over `seconds` of no input, in percent of one core."""
        tick = os.sysconf("SC_CLK_TCK")

        def used():
            with open("/proc/%d/stat" % self.proc.pid) as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])  # utime + stime

        before, start = used(), time.monotonic()
        time.sleep(seconds)
        after, end = used(), time.monotonic()
        return 100.0 * (after - before) / tick / (end - start)

    def check_idle(self):
        time.sleep(1.0)  # the screenshots' pointer nudge has long been drawn
        percent = self.idle_cpu_percent()
        note("%s: idle CPU %.2f%% over 3 s" % (self.name, percent))
        self.h.figures.append(("idle CPU %", self.name, percent))
        if percent >= 2.0:
            fail("%s: the game used %.1f%% CPU while idle (limit 2%%)" % (self.name, percent))

    def close(self, timeout=10):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()

    def wait_exit(self, timeout=10):
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None


# ---- pixels -----------------------------------------------------------------------------------


def pixels_differing(a, b, env):
    result = subprocess.run(["compare", "-metric", "AE", a, b, "null:"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            timeout=30)
    text = result.stderr.strip().split()[0] if result.stderr.strip() else ""
    try:
        return int(float(text))
    except ValueError:
        raise RuntimeError("compare %s %s: %s" % (a, b, result.stderr.strip()))


def read_pixels(path, env):
    """(width, height, bytes) of an image, RGB, row by row."""
    data = subprocess.run(["convert", path, "-depth", "8", "rgb:-"], env=env,
                          stdout=subprocess.PIPE, check=True, timeout=30).stdout
    size = subprocess.run(["identify", "-format", "%w %h", path], env=env,
                          stdout=subprocess.PIPE, check=True, text=True, timeout=30).stdout
    width, height = (int(v) for v in size.split())
    return width, height, data


def pixel(image, px, py):
    width, _, data = image
    i = (py * width + px) * 3
    return tuple(data[i:i + 3])


def find_edge_down(image, px, from_y, limit=60):
    """The first y below `from_y` in column `px` whose pixel differs clearly from the one at
    `from_y` (the top edge of the next box down)."""
    _, height, _ = image
    start = pixel(image, px, from_y)
    for py in range(from_y + 1, height):
        if sum(abs(a - b) for a, b in zip(pixel(image, px, py), start)) > limit:
            return py
    return None


# ---- results ----------------------------------------------------------------------------------


def read_results(game):
    deadline = time.monotonic() + 5
    while not os.path.exists(game.results) and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        with open(game.results) as f:
            return json.load(f)
    except (OSError, ValueError) as error:
        fail("%s: no results JSON: %s" % (game.name, error))
        return None


def check_time(game, results, index, waited, h):
    questions = results["questions"] if results else []
    if index >= len(questions):
        fail("%s: question %d has no recorded answer" % (game.name, index + 1))
        return
    recorded = questions[index]["timeMs"] / 1000.0
    error = recorded - waited
    note("%s: question %d waited %.3f s, recorded %.3f s (error %+.3f s)"
         % (game.name, index + 1, waited, recorded, error))
    h.figures.append(("time-on-task error s", "%s q%d" % (game.name, index + 1), error))
    if abs(error) > 0.5:
        fail("%s: question %d recorded %.3f s of time on task; the script waited %.3f s"
             % (game.name, index + 1, recorded, waited))


# ---- the plays --------------------------------------------------------------------------------


def keyboard_tutor_round(h):
    """Title -> set-up -> a whole tutor round and its results, keys only."""
    game = Game(h, "keyboard-tutor", (1280, 720), [])
    try:
        game.settled("title")
        game.key("Tab", "Return")  # Play (Continue has the focus at first)
        game.settled("setup")
        game.key("Return")  # Start
        shown = time.monotonic()
        game.settled("question-1", wait=1.0)
        waits = []
        for number in range(1, 7):
            if number > 1:
                shown = time.monotonic()
                # Odd questions are looked at (a screenshot, a pointer nudge) before the choice;
                # on even ones the choice comes at once and then nothing until Submit, so the
                # key that submits is the first event after the player's thinking.
                if number % 2 == 1:
                    game.settled("question-%d" % number, wait=0.5)
                else:
                    time.sleep(0.3)
                    game.key("1")
            time.sleep(max(0.0, shown + 1.6 + 0.2 * number - time.monotonic()))
            if number % 2 == 1:
                game.key("1")  # select the first option
            game.key("Return")  # submit
            waits.append(time.monotonic() - shown)
            time.sleep(0.3)
            game.key("s")  # "How sure are you?" (a player is asked): Sure
            game.settled("feedback-%d" % number, wait=0.5)
            game.key("Return")  # next question, or the results after the last
        game.settled("results", wait=0.5)
        game.check_idle()
        results = read_results(game)
        if results:
            if len(results["questions"]) != 6:
                fail("keyboard-tutor: %d answers recorded, not 6" % len(results["questions"]))
            for index, waited in enumerate(waits):
                check_time(game, results, index, waited, h)
    finally:
        game.close()


def mouse_round(h):
    """A two-question tutor round with the mouse alone, leaving and staying on the way."""
    game = Game(h, "mouse", (1280, 720),
                ["play", "--pack", "org.heparinquiz.test-demo", "--mode", "tutor", "--seed",
                 "7", "--count", "2"])
    try:
        submit = (1090, 665)
        sure = (411, 645)  # the confidence dialog's first button
        game.settled("question-1", wait=1.0)
        game.click(110, 665)  # Leave
        dialog = game.settled("leave-dialog")
        # "Keep playing" is the dialog's right button, below its text: the first edge down
        # a column through it, from the dialog's centre (between the text and the buttons).
        image = read_pixels(dialog, h.env)
        stay_x = 1280 // 2 + 260
        top = find_edge_down(image, stay_x, 390)
        if top is None:
            fail("mouse: no 'Keep playing' button in the leave dialog (see %s)" % dialog)
            return
        game.click(stay_x, top + 20)
        game.settled("question-1-again")
        game.click(400, 240)  # the second option
        game.click(*submit)
        game.settled("confidence-1")
        game.click(*sure)  # "How sure are you?" (a player is asked)
        game.settled("feedback-1")
        game.click(1046, 665)  # Next question
        shown = time.monotonic()
        game.settled("question-2")
        time.sleep(max(0.0, shown + 3.0 - time.monotonic()))
        game.click(400, 240)
        game.click(*submit)
        waited = time.monotonic() - shown
        time.sleep(0.3)
        game.click(*sure)
        game.settled("feedback-2")
        game.click(1046, 665)  # See results
        game.settled("results")
        game.check_idle()
        results = read_results(game)
        if results:
            if len(results["questions"]) != 2:
                fail("mouse: %d answers recorded, not 2" % len(results["questions"]))
            check_time(game, results, 1, waited, h)
    finally:
        game.close()


def projector_class(h, size):
    """A projector class with the default four teams: one answer, hands, reveal, end, export."""
    name = "projector-%dx%d" % size
    game = Game(h, name, size, [])
    scale = max(0.72, min(size[0] / 1280.0, size[1] / 720.0, 1.5))
    try:
        game.settled("title")
        # The class's questions follow the set-up's seed: type seed 1 on set-up (a click in
        # the seed field, as a person would), so safe-02, a single-answer question, is first.
        game.key("Tab", "Return")  # Play (Continue has the focus at first)
        game.settled("setup")
        left = (size[0] - min(size[0] - 64 * scale, 1100 * scale)) / 2
        content = min(size[0] - 64 * scale, 1100 * scale)
        game.click(left + content * 0.54 + 32 * scale + 60 * scale, 449 * scale)
        game.key(*(["BackSpace"] * 10), "1")
        time.sleep(0.2)
        game.shot("setup-seed-typed")
        game.key("Escape")  # back to the title, Play still focused
        time.sleep(0.4)
        game.key("Tab", "Tab", "Tab", "Return")  # Class game
        game.settled("class-setup")
        game.key("Return")  # start with the defaults
        game.settled("lobby")
        game.key("space")  # the first question
        game.settled("question")
        # Team 2 answers B; then a show of hands: A twice, C once.
        game.key("2", "b", "t", "a", "a", "c")
        time.sleep(0.3)
        game.shot("answered")
        game.key("space")  # reveal
        game.settled("reveal")
        game.key("space")  # leaderboard
        game.settled("leaderboard")
        game.key("End")
        time.sleep(0.3)
        game.shot("end-asks")
        game.key("End")
        game.settled("final")
        game.key("x")  # export
        time.sleep(0.3)
        game.shot("exported")
        game.check_idle()
        game.key("x")  # a second export of the same class: a second file
        time.sleep(1.2)
        exports = sorted(f for f in os.listdir(game.profile)
                         if f.startswith("class-results-projector-"))
        if len(exports) != 2 or any(not re.fullmatch(
                r"class-results-projector-\d{8}-\d{6}(-\d+)?\.csv", f) for f in exports):
            fail("%s: class exports %s, not two files named by date and time" % (name, exports))
        else:
            check_class_csv(name, os.path.join(game.profile, exports[0]))
    finally:
        game.close()


def check_class_csv(name, path):
    """The class saw letters and the question's text: the export says the same."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    options = [r for r in rows if r["kind"] in ("option", "hands")]
    answers = [r for r in rows if r["kind"] == "answer"]
    if not options or not answers:
        fail("%s: the class CSV %s has no option or answer rows" % (name, path))
    for row in options:
        if not re.fullmatch(r"[A-H]", row["option"]) or not row["option_text"] or \
                not row["question_text"]:
            fail("%s: an option row without the letter, text and question shown: %s"
                 % (name, row))
    for row in answers:
        if not re.fullmatch(r"([A-H](;[A-H])*)?", row["chosen"]) or not row["question_text"]:
            fail("%s: an answer row without the letters chosen and the question: %s"
                 % (name, row))
    if not any(r["nickname"] == "Team 2" and r["question_id"] == "safe-02" and
               r["chosen"] == "B" and r["result"] == "wrong" for r in answers):
        fail("%s: Team 2's answer B to safe-02 is not in the class CSV" % name)
    hands = {r["option"]: r["count"] for r in rows if r["kind"] == "hands"}
    if hands != {"A": "2", "B": "0", "C": "1"}:
        fail("%s: the hands counted are %s, not A 2, B 0, C 1" % (name, hands))


DOSE_PACK = "org.heparinquiz.test-dose"


def pounds_slip(question):
    """The pounds-for-kilograms slip of a question of the dose test pack whose stem shows the
    drawn weight (and concentration), or None."""
    text = question["text"]
    weight = re.search(r"(\d+) kg", text)
    if not weight or question["id"] not in ("dose-bolus", "dose-rate"):
        return None
    conc = re.search(r"bag of (\d+) units/mL", text)
    per_kg = 80.0 / 5000.0 if question["id"] == "dose-bolus" else 18.0 / float(conc.group(1))
    return round(float(weight.group(1)) * 2.2 * per_kg + 1e-9, 1)


def typed(value, comma):
    text = ("%.1f" % value)
    return text.replace(".", ",") if comma else text


def dose_round(h, seed, count, plan=None):
    """One tutor round of the dose pack by keyboard alone. Without `plan`, every question is
    answered "1" (to read the drawn numbers from the results); with it, question i gets
    plan[i] typed (letters first where the plan says so). Returns the results."""
    name = "dose-%d%s" % (seed, "-played" if plan else "")
    arguments = ["play", "--pack", DOSE_PACK, "--seed", str(seed), "--count", str(count)]
    game = Game(h, name, (1280, 720), arguments)
    try:
        time.sleep(1.0)
        for number in range(count):
            keys = plan[number] if plan else ["1"]
            for key in keys:
                game.key(key)
            if plan and number == 0:
                game.settled("question-%d" % (number + 1), wait=0.3)
            game.key("Return")
            time.sleep(0.2)
            game.key("s")  # Sure, when the game asks
            if plan:
                game.settled("feedback-%d" % (number + 1), wait=0.3)
            else:
                time.sleep(0.3)
            game.key("Return")
            time.sleep(0.2)
        time.sleep(0.5)
        return read_results(game)
    finally:
        game.close()


def xdotool_keys(text):
    names = {",": "comma", ".": "period", "-": "minus", " ": "space"}
    return [names.get(c, c) for c in text]


def keyboard_dose(h):
    """Ten numeric questions with fresh numbers, keys only: three rounds of the dose pack
    (4 + 4 + 2 questions). Each round is played once to read its drawn numbers, then again
    with the same seed (the same numbers) with the right answers typed (a comma in some, a
    point in others), the pounds-for-kilograms slip on one question per round, and letters
    typed first on another (refused with a message; the number typed after them counts)."""
    if not h.dose_dir:
        note("dose: no --dose-dir given; skipped")
        return
    answers = {}  # question id -> the right answers of its rounds
    played = 0
    for seed, count in ((11, 4), (12, 4), (13, 2)):
        first = dose_round(h, seed, count)
        if not first or len(first["questions"]) != count:
            fail("dose seed %d: the first pass did not answer %d questions" % (seed, count))
            continue
        plan = []
        expected = []
        slipped = False
        for index, question in enumerate(first["questions"]):
            right = float(question["answer"])
            answers.setdefault(question["id"], []).append(right)
            pounds = pounds_slip(question)
            if pounds is not None and not slipped and index > 0:
                slipped = True
                plan.append(xdotool_keys(typed(pounds, True)))
                expected.append(("mistake", pounds))
            elif index == 0:
                # Letters first: refused with a message, the number typed after them counts.
                plan.append(xdotool_keys("ab") + xdotool_keys(typed(right, False)))
                expected.append(("right", right))
            else:
                plan.append(xdotool_keys(typed(right, index % 2 == 0)))
                expected.append(("right", right))
        results = dose_round(h, seed, count, plan)
        if not results:
            continue
        for index, question in enumerate(results["questions"]):
            kind, value = expected[index]
            played += 1
            where = "dose seed %d question %d (%s)" % (seed, index + 1, question["id"])
            if question.get("typed") is None or abs(question["typed"] - value) > 1e-9:
                fail("%s: typed %s recorded as %s" % (where, value, question.get("typed")))
            if kind == "right" and not question["correct"]:
                fail("%s: the right answer %s was not taken as right" % (where, value))
            if kind == "mistake" and (question["correct"] or question.get("mistake", -1) < 0 or
                                      "pounds" not in question.get("mistakeText", "")):
                fail("%s: %s (pounds as kilograms) was not named as that mistake: %s"
                     % (where, value, question.get("mistakeText")))
    note("dose: %d numeric questions played by keyboard; answers by question: %s"
         % (played, answers))
    if played != 10:
        fail("dose: %d numeric questions played, not 10" % played)
    # Fresh numbers: a question asked in several rounds did not always have the same answer.
    repeated = [values for values in answers.values() if len(values) > 1]
    if repeated and all(len(set(values)) == 1 for values in repeated):
        fail("dose: every question asked again had the same numbers: %s" % answers)


class Harness:
    def __init__(self, args, display):
        self.game = os.path.abspath(args.game)
        self.dose_dir = os.path.abspath(args.dose_dir) if args.dose_dir else ""
        self.data_dir = os.path.abspath(args.data_dir)
        self.out = os.path.abspath(args.out)
        self.env = dict(os.environ)
        self.env["DISPLAY"] = display
        self.env.pop("XAUTHORITY", None)
        self.figures = []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--game", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", default=tempfile.mkdtemp(prefix="heparin-real-input-"))
    parser.add_argument("--only", help="keyboard, mouse, projector or dose")
    parser.add_argument("--dose-dir", help="the folder of the numeric test pack (dose play)")
    args = parser.parse_args()
    missing = [tool for tool in ("Xvfb", "xdotool", "import", "compare", "convert")
               if shutil.which(tool) is None]
    if missing:
        print("skipped: missing " + ", ".join(missing) + " (apt-get install xvfb xdotool "
              "imagemagick)")
        return SKIP
    os.makedirs(args.out, exist_ok=True)
    server = Xserver()
    started = time.monotonic()
    try:
        h = Harness(args, server.display)
        plays = [("keyboard", lambda: keyboard_tutor_round(h)), ("mouse", lambda: mouse_round(h)),
                 ("projector", lambda: projector_class(h, (1280, 720))),
                 ("projector", lambda: projector_class(h, (800, 600))),
                 ("dose", lambda: keyboard_dose(h))]
        for name, play in plays:
            if args.only and args.only != name:
                continue
            try:
                play()
            except RuntimeError as error:
                fail(str(error))
    finally:
        server.stop()
    note("%d screenshots in %s; %.0f s" % (len(SHOTS), args.out, time.monotonic() - started))
    for kind, where, value in h.figures:
        note("figure: %s %s = %.3f" % (kind, where, value))
    if FAILURES:
        note("%d failures" % len(FAILURES))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

// The student page's views: join form, lobby, question (options, timer, pause), reveal,
// leaderboard and final standing. They draw from HeparinQuiz.state; student.js owns the
// connection and calls these as the host's messages arrive.
"use strict";

(function () {
  const HQ = (window.HeparinQuiz = window.HeparinQuiz || {});
  const { $, SHAPES, COLOURS, show, clear, rich, plain, mark, ordinal, number, setConnection,
    announce } = HQ;
  const TEST = new URLSearchParams(location.search).get("test") === "1";
  let state = null; // the page's state, shared with student.js (attach)
  let send = () => {};

  // student.js hands over its state and its way to send a message before anything is drawn.
  function attach(pageState, sendMessage) {
    state = pageState;
    send = sendMessage;
    HQ.attachSteps(pageState, () => drawOptions());
  }
  // ---- views ---------------------------------------------------------------------------------

  function showJoin(problem) {
    setConnection("");
    $("join-error").textContent = problem || "";
    $("join-button").disabled = false;
    show("join");
  }

  function showLobby() {
    $("lobby-title").textContent = "You are in, " + state.nickname;
    $("lobby-game").textContent = state.title
      ? state.title + (state.total ? " · " + state.total + " questions" : "") : "";
    const others = state.count === 1 ? "1 student has joined" : state.count + " students have joined";
    $("lobby-count").textContent = others + (state.locked ? " · the lobby is locked" : "");
    const list = $("lobby-names");
    clear(list);
    for (const name of [...state.names].sort((a, b) => a.localeCompare(b))) {
      const item = document.createElement("li");
      item.textContent = name === state.nickname ? name + " (you)" : name;
      if (name === state.nickname)
        item.className = "me";
      list.appendChild(item);
    }
    show("lobby");
  }

  function showQuestion(m) {
    // A question restored after a reload is not "the same": its answer state comes from m.
    const same = state.questionLive && state.question && state.question.question === m.question;
    state.question = m;
    state.questionLive = true;
    if (!same) {
      state.picked = new Set(m.answered || []);
      state.sent = (m.answered || []).length > 0;
      state.accepted = state.sent;
      state.paused = false;
    }
    state.timeLeft = Number(m.timeLeft || 0);
    state.deadline = performance.now() + state.timeLeft;
    $("question-counter").textContent = "Question " + (m.question + 1) + " of " + m.total;
    $("view-question").dataset.question = String(m.id);
    $("view-question").dataset.kind = String(m.kind);
    const stem = $("stem");
    clear(stem);
    stem.appendChild(rich(m.stem));
    const multiple = m.kind === "multiple";
    const numeric = m.kind === "numeric";
    $("options-hint").textContent = multiple
      ? "Select all that apply, then Submit" : "Choose one answer, then Submit";
    $("options-set").hidden = numeric || HQ.isSteps(m);
    HQ.buildSteps(m, same);
    $("number-set").hidden = !numeric;
    if (numeric) {
      $("number-rule").textContent = String(m.rule || "") + ". Type the number" +
        (m.unit ? " in " + m.unit : "") + " (a point or a comma), then Submit or Enter.";
      $("number-unit").textContent = String(m.unit || "");
      if (!same)
        $("number").value = typeof m.answeredValue === "string" ? m.answeredValue : "";
      if (typeof m.answeredValue === "string") {
        state.sent = true;
        state.accepted = true;
      }
    }
    const status = $("answer-status");
    status.textContent = state.accepted ? "Answer received" : "";
    status.className = "answer-status" + (state.accepted ? " received" : "");
    $("paused").hidden = !state.paused;
    buildOptions(m, multiple);
    drawTimer();
    if (!same)
      announce($("question-counter").textContent + ". " + plain(m.stem));
    show("question");
    if (numeric && !state.sent)
      $("number").focus();
  }

  function buildOptions(m, multiple) {
    const box = $("options");
    clear(box);
    m.options.forEach((option, position) => {
      const label = document.createElement("label");
      label.className = "option";
      label.style.setProperty("--mark", COLOURS[position % COLOURS.length]);
      label.dataset.id = option.id;
      const input = document.createElement("input");
      input.type = multiple ? "checkbox" : "radio";
      input.name = "answer";
      input.value = option.id;
      input.addEventListener("change", () => {
        if (!multiple)
          state.picked = new Set();
        if (input.checked)
          state.picked.add(option.id);
        else
          state.picked.delete(option.id);
        drawOptions();
      });
      label.appendChild(input);
      label.appendChild(mark(position, option.letter));
      const text = document.createElement("span");
      text.className = "option-text";
      text.appendChild(document.createTextNode(option.letter + ". "));
      text.appendChild(rich(option.text));
      input.setAttribute("aria-label", option.letter + ", " + SHAPES[position % SHAPES.length] +
        ": " + plain(option.text));
      label.appendChild(text);
      box.appendChild(label);
    });
    drawOptions();
  }

  // Ticks, chosen marks and what can still be changed follow the state.
  function drawOptions() {
    const locked = state.sent || state.paused || state.timeUp;
    for (const label of $("options").children) {
      const input = label.querySelector("input");
      input.checked = state.picked.has(label.dataset.id);
      input.disabled = locked;
      label.classList.toggle("chosen", input.checked);
      label.classList.toggle("locked", locked);
    }
    const submit = $("submit");
    const numeric = state.question && state.question.kind === "numeric";
    const steps = HQ.isSteps(state.question);
    const complete = steps ? HQ.drawSteps(locked)
      : numeric ? $("number").value.trim() !== "" : state.picked.size > 0;
    $("number").disabled = locked;
    submit.disabled = locked || !complete;
    submit.textContent = state.sent ? (state.accepted ? "Submitted" : "Sending…") : "Submit";
  }

  function submitAnswer() {
    if (!state.question || state.sent || state.paused)
      return;
    const numeric = state.question.kind === "numeric";
    const steps = HQ.isSteps(state.question);
    // The host reads the typed text (a comma or a point), and says so when it is no number.
    const value = $("number").value.trim();
    if (steps ? !HQ.drawSteps(false) : numeric ? value === "" : state.picked.size === 0)
      return;
    state.sent = true;
    state.accepted = false;
    if (steps)
      send(Object.assign({ type: "answer", question: state.question.question, options: [] },
        HQ.stepsAnswer()));
    else if (numeric)
      send({ type: "answer", question: state.question.question, options: [], value: value });
    else
      send({ type: "answer", question: state.question.question, options: [...state.picked] });
    $("answer-status").textContent = "Sending your answer…";
    $("answer-status").className = "answer-status";
    drawOptions();
  }

  function setPaused(paused, timeLeft) {
    state.paused = paused;
    if (typeof timeLeft === "number") {
      state.timeLeft = timeLeft;
      state.deadline = performance.now() + timeLeft;
    }
    $("paused").hidden = !paused;
    announce(paused ? "Paused by the instructor" : "The question goes on");
    drawTimer();
    drawOptions();
  }

  function drawTimer() {
    const timer = $("timer");
    const m = state.question;
    if (!m || !m.timeLimit) {
      timer.textContent = "";
      timer.hidden = true;
      state.timeUp = false;
      return;
    }
    timer.hidden = false;
    const left = state.paused || TEST ? state.timeLeft : Math.max(0, state.deadline - performance.now());
    const seconds = Math.ceil(left / 1000);
    state.timeUp = seconds <= 0 && !state.paused;
    const clock = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
    timer.textContent = state.timeUp ? "Time is up" : clock + " left" + (state.paused ? " (paused)" : "");
  }

  setInterval(() => {
    if (document.body.dataset.view === "question" && !TEST) {
      const wasUp = state.timeUp;
      drawTimer();
      if (wasUp !== state.timeUp)
        drawOptions();
    }
  }, 250);

  function optionItem(m, id, extraTag, withRationale) {
    const position = state.question ? state.question.options.findIndex((o) => o.id === id) : -1;
    const shown = position >= 0 ? state.question.options[position] : { letter: id, text: [] };
    const info = (m.options || []).find((o) => o.id === id) || {};
    const item = document.createElement("li");
    item.style.setProperty("--mark", COLOURS[Math.max(0, position) % COLOURS.length]);
    item.appendChild(mark(Math.max(0, position), shown.letter));
    const body = document.createElement("div");
    body.className = "answer-body";
    if (extraTag) {
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = extraTag;
      body.appendChild(tag);
    }
    body.appendChild(document.createTextNode(shown.letter + ". "));
    body.appendChild(rich(shown.text));
    if (withRationale && info.rationale) {
      const why = document.createElement("span");
      why.className = "rationale";
      why.appendChild(rich(info.rationale));
      body.appendChild(why);
    }
    item.appendChild(body);
    return item;
  }

  function showReveal(m) {
    const you = m.you || { options: [] };
    const chosen = you.options || [];
    const correct = m.correct || [];
    $("reveal-counter").textContent = "Question " + (m.question + 1) +
      (state.question ? " of " + state.question.total : "");
    const verdict = $("reveal-verdict");
    const numeric = typeof m.answerText === "string";
    const steps = Array.isArray(m.steps);
    const answered = steps ? Array.isArray(you.order) && you.order.length > 0
      : numeric ? typeof you.value === "string" : chosen.length > 0;
    const kind = !answered ? "none" : you.correct ? "right" : you.partial ? "partial" : "wrong";
    verdict.textContent = { none: "No answer", right: "Correct", partial: "Partly right",
      wrong: "Wrong" }[kind];
    verdict.className = "verdict " + kind;
    $("reveal-points").textContent = "+" + number(you.points) + " points · " + number(m.score) +
      " in all" + (m.streak > 1 ? " · streak " + m.streak : "");
    $("reveal-critical").hidden = !you.critical;
    const right = $("reveal-correct");
    clear(right);
    right.className = "answer-list";
    $("reveal-groups").hidden = $("reveal-groups-title").hidden = true;
    const yours = $("reveal-yours");
    clear(yours);
    $("reveal-yours-title").textContent = answered ? "Your answer" : "You did not answer";
    const mistake = $("reveal-mistake");
    clear(mistake);
    mistake.hidden = true;
    if (numeric) {
      const item = document.createElement("li");
      item.textContent = m.answerText;
      right.appendChild(item);
      if (answered) {
        const mine = document.createElement("li");
        mine.textContent = (you.correct ? "✓ Correct: " : "✗ Not correct: ") + you.value;
        yours.appendChild(mine);
      }
      if (Array.isArray(you.mistake)) {
        const title = document.createElement("strong");
        title.textContent = "A known mistake: ";
        mistake.append(title, rich(you.mistake));
        mistake.hidden = false;
      }
    }
    if (steps)
      HQ.showStepsReveal(m, right, yours);
    for (const id of numeric || steps ? [] : correct)
      right.appendChild(optionItem(m, id, "", chosen.length === 0));
    for (const id of numeric || steps ? [] : chosen)
      yours.appendChild(optionItem(m, id, correct.includes(id) ? "✓ Correct" : "✗ Not correct", true));
    const explanation = $("reveal-explanation");
    clear(explanation);
    explanation.appendChild(rich(m.explanation));
    // A question without an explanation shows no empty heading.
    const explained = Array.isArray(m.explanation) && m.explanation.some((run) => run.t);
    $("reveal-explanation-title").hidden = !explained;
    explanation.hidden = !explained;
    announce(verdict.textContent + ". " + $("reveal-points").textContent);
    show("reveal");
  }

  function fillBoard(list, top, me) {
    clear(list);
    for (const row of top || []) {
      const item = document.createElement("li");
      if (row.nickname === me)
        item.className = "me";
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = ordinal(row.rank) + "  " + row.nickname + (row.nickname === me ? " (you)" : "");
      const score = document.createElement("span");
      score.className = "score";
      score.textContent = number(row.score);
      item.append(name, score);
      list.appendChild(item);
    }
  }

  function showLeaderboard(m) {
    const you = m.you || {};
    $("board-counter").textContent = state.question
      ? "After question " + (state.question.question + 1) + " of " + state.question.total : "Leaderboard";
    $("rank-title").textContent = "You are " + ordinal(you.rank) + " of " + you.of;
    $("rank-score").textContent = number(you.score) + " points";
    fillBoard($("board-top"), m.top, state.nickname);
    announce($("rank-title").textContent + ", " + $("rank-score").textContent);
    show("leaderboard");
  }

  function showFinal(m) {
    const you = m.you || {};
    $("final-title").textContent = "You finished " + ordinal(you.rank) + " of " + you.of;
    $("final-score").textContent = number(you.score) + " points · " + you.correct + " of " +
      (state.total || "?") + " right";
    fillBoard($("final-top"), m.top, state.nickname);
    announce($("final-title").textContent + ". " + $("final-score").textContent);
    show("final");
  }

  Object.assign(HQ, { attach, showJoin, showLobby, showQuestion, drawOptions, submitAnswer, setPaused,
    showReveal, showLeaderboard, showFinal });
})();

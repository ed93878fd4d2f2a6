// The student page: joins a live class over one WebSocket (protocol version 3, documented in
// game/net/README.md) and shows what the host sends. Plain script, no libraries, nothing
// fetched. The seat (nickname and rejoin token) is kept in localStorage under the class code, so
// a reload, a dropped connection or a locked phone comes back to the same seat and score.
"use strict";

(function () {
  const PROTOCOL = 3;
  const SHAPES = ["circle", "triangle", "diamond", "square", "pentagon", "hexagon", "octagon",
    "heptagon"];
  const COLOURS = ["#d64c56", "#3a86dc", "#e2aa28", "#46aa6e", "#9664d2", "#e67832", "#28aab4",
    "#c85aa0"];
  // Refusals after which trying again cannot help: the page stops and says why.
  const FINAL_REASONS = ["wrong-version", "wrong-code", "too-many-tries", "nickname-taken",
    "nickname-look-alike", "bad-nickname", "bad-token", "lobby-locked", "class-full", "kicked",
    "class-finished", "bad-message", "out-of-order", "too-big"];
  const params = new URLSearchParams(location.search);
  // Test mode (?test=1): the countdown shows the time left as sent and does not tick, and
  // reconnecting waits exactly the backoff, so screenshots and timings repeat.
  const TEST = params.get("test") === "1";

  const $ = (id) => document.getElementById(id);
  const state = {
    ws: null,
    code: "",
    nickname: "",
    token: "",
    joinedOnce: false, // a joined arrived on some connection of this page
    stopped: false,    // no more reconnecting (kicked, refused, left)
    retries: 0,
    retryTimer: 0,
    lastHeard: 0,
    names: new Set(),
    count: 0,
    title: "",
    total: 0,
    question: null,    // the last question message
    picked: new Set(),
    sent: false,       // an answer for the open question is on its way or taken
    accepted: false,
    paused: false,
    deadline: 0,       // performance.now() when the countdown reaches 0
    timeLeft: 0,
  };

  // ---- storage -------------------------------------------------------------------------------

  function seatKey(code) {
    return "heparin-quiz.seat." + code.toUpperCase();
  }

  function loadSeat(code) {
    try {
      const seat = JSON.parse(localStorage.getItem(seatKey(code)) || "null");
      return seat && typeof seat.token === "string" ? seat : null;
    } catch (e) {
      return null;
    }
  }

  function saveSeat() {
    try {
      localStorage.setItem(seatKey(state.code),
        JSON.stringify({ nickname: state.nickname, token: state.token }));
      localStorage.setItem("heparin-quiz.last-code", state.code);
    } catch (e) {
      // Private browsing may refuse storage; the class still works until a reload.
    }
  }

  function forgetSeat() {
    try {
      localStorage.removeItem(seatKey(state.code));
    } catch (e) {
      // nothing kept, nothing to forget
    }
    state.token = "";
  }

  // ---- drawing helpers -----------------------------------------------------------------------

  function show(view) {
    for (const section of document.querySelectorAll(".view"))
      section.hidden = section.id !== "view-" + view;
    document.body.dataset.view = view;
  }

  function clear(node) {
    while (node.firstChild)
      node.removeChild(node.firstChild);
  }

  // Rich text runs become text nodes (never HTML): b, i, sub, sup and line breaks.
  function rich(runs) {
    const out = document.createDocumentFragment();
    for (const run of Array.isArray(runs) ? runs : []) {
      if (run.br) {
        out.appendChild(document.createElement("br"));
        continue;
      }
      let node = document.createTextNode(String(run.t || ""));
      for (const [flag, tag] of [["sub", "sub"], ["sup", "sup"], ["i", "em"], ["b", "strong"]]) {
        if (run[flag]) {
          const wrap = document.createElement(tag);
          wrap.appendChild(node);
          node = wrap;
        }
      }
      out.appendChild(node);
    }
    return out;
  }

  function plain(runs) {
    return (Array.isArray(runs) ? runs : []).map((r) => (r.br ? " " : String(r.t || ""))).join("");
  }

  function polygon(sides, rotation) {
    const points = [];
    for (let k = 0; k < sides; ++k) {
      const a = rotation + (2 * Math.PI * k) / sides;
      points.push((20 + 19 * Math.cos(a)).toFixed(2) + "," + (20 + 19 * Math.sin(a)).toFixed(2));
    }
    return points.join(" ");
  }

  // The option's shape in its colour with its letter inside, as on the projector.
  function mark(position, letter) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 40 40");
    svg.setAttribute("class", "mark");
    svg.setAttribute("aria-hidden", "true");
    const kind = SHAPES[position % SHAPES.length];
    const sides = { diamond: 4, pentagon: 5, hexagon: 6, octagon: 8, heptagon: 7 }[kind];
    let shape;
    if (kind === "circle") {
      shape = document.createElementNS(ns, "circle");
      shape.setAttribute("cx", "20");
      shape.setAttribute("cy", "20");
      shape.setAttribute("r", "19");
    } else if (kind === "square") {
      shape = document.createElementNS(ns, "rect");
      for (const [name, value] of [["x", "4"], ["y", "4"], ["width", "32"], ["height", "32"]])
        shape.setAttribute(name, value);
    } else {
      shape = document.createElementNS(ns, "polygon");
      shape.setAttribute("points", kind === "triangle" ? "20,1 39,37 1,37"
        : polygon(sides, kind === "diamond" ? 0 : -Math.PI / 2));
    }
    shape.setAttribute("fill", COLOURS[position % COLOURS.length]);
    shape.setAttribute("stroke", "#ecf1f8");
    shape.setAttribute("stroke-width", "2");
    svg.appendChild(shape);
    const text = document.createElementNS(ns, "text");
    text.setAttribute("x", "20");
    text.setAttribute("y", kind === "triangle" ? "32" : "26.5");
    text.setAttribute("text-anchor", "middle");
    text.setAttribute("font-size", kind === "triangle" ? "15" : "17");
    text.textContent = letter;
    svg.appendChild(text);
    return svg;
  }

  function ordinal(n) {
    const tens = n % 100;
    const suffix = tens >= 11 && tens <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] || "th";
    return n + suffix;
  }

  function number(n) {
    return Number(n || 0).toLocaleString("en-GB");
  }

  function setConnection(text) {
    const line = $("connection");
    line.textContent = text;
    line.hidden = text === "";
  }

  function setWho() {
    $("who").textContent = state.nickname ? state.nickname + (state.code ? " · " + state.code : "") : "";
  }

  // ---- connection ----------------------------------------------------------------------------

  function send(message) {
    if (state.ws && state.ws.readyState === WebSocket.OPEN)
      state.ws.send(JSON.stringify(message));
  }

  function connect() {
    clearTimeout(state.retryTimer);
    if (state.stopped)
      return;
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(scheme + "//" + location.host + "/ws");
    state.ws = ws;
    ws.onopen = () => {
      state.lastHeard = Date.now();
      if (state.token)
        send({ type: "rejoin", version: PROTOCOL, code: state.code, token: state.token });
      else
        send({ type: "join", version: PROTOCOL, code: state.code, nickname: state.nickname });
    };
    ws.onmessage = (event) => {
      if (ws !== state.ws)
        return;
      state.lastHeard = Date.now();
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (message && typeof message.type === "string" && handlers[message.type])
        handlers[message.type](message);
    };
    ws.onclose = () => {
      if (ws !== state.ws)
        return;
      state.ws = null;
      lost();
    };
  }

  // The connection ended without a final word: try again with a growing wait while a seat is
  // held; a first join that never got in goes back to the form.
  function lost() {
    if (state.stopped)
      return;
    if (!state.token) {
      showJoin(state.joinedOnce ? "" : "Could not reach the class. Check the address and the Wi-Fi.");
      return;
    }
    const wait = Math.min(10000, 500 * Math.pow(2, state.retries));
    state.retries += 1;
    const jitter = TEST ? 0 : Math.random() * 300;
    setConnection("Connection lost. Reconnecting in " + Math.ceil(wait / 1000) + " s…");
    state.retryTimer = setTimeout(connect, wait + jitter);
  }

  function reconnectNow() {
    if (state.stopped || !state.token)
      return;
    if (state.ws && state.ws.readyState === WebSocket.OPEN && Date.now() - state.lastHeard < 5000)
      return;
    if (state.ws) {
      const old = state.ws;
      state.ws = null;
      old.onclose = null;
      old.close();
    }
    state.retries = 0;
    setConnection("Reconnecting…");
    connect();
  }

  // The host pings every 2 s: silence for 6 s means the connection is gone even if the browser
  // has not noticed (Wi-Fi handover, a phone waking up).
  setInterval(() => {
    if (state.ws && state.ws.readyState === WebSocket.OPEN && Date.now() - state.lastHeard > 6000)
      reconnectNow();
  }, 1000);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible")
      reconnectNow();
  });
  window.addEventListener("online", reconnectNow);
  window.addEventListener("pageshow", (event) => {
    if (event.persisted)
      reconnectNow();
  });

  function stop(text, offerJoin) {
    state.stopped = true;
    clearTimeout(state.retryTimer);
    setConnection("");
    if (state.ws) {
      const old = state.ws;
      state.ws = null;
      old.onclose = null;
      old.close();
    }
    $("ended-text").textContent = text;
    $("ended-button").hidden = !offerJoin;
    show("ended");
  }

  // ---- the host's messages -------------------------------------------------------------------

  const handlers = {
    joined(m) {
      state.joinedOnce = true;
      state.retries = 0;
      state.nickname = String(m.nickname);
      state.token = String(m.token);
      state.title = String(m.title || "");
      state.total = Number(m.questions || 0);
      saveSeat();
      setWho();
      setConnection("");
      if (m.phase === "lobby")
        showLobby();
    },
    lobby(m) {
      if (m.reset)
        state.names = new Set();
      for (const name of m.left || [])
        state.names.delete(name);
      for (const name of m.joined || [])
        state.names.add(name);
      state.count = Number(m.count || 0);
      state.locked = !!m.locked;
      showLobby();
    },
    question(m) {
      showQuestion(m);
    },
    ack(m) {
      if (!state.question || m.question !== state.question.question)
        return;
      const status = $("answer-status");
      if (m.accepted) {
        state.accepted = true;
        status.textContent = "Answer received";
        status.className = "answer-status received";
      } else if (m.reason === "already-answered") {
        state.accepted = true;
        status.textContent = String(m.text || "You already answered this question.");
        status.className = "answer-status received";
      } else {
        state.sent = false;
        status.textContent = String(m.text || "The answer was not taken.");
        status.className = "answer-status refused";
      }
      drawOptions();
    },
    pause(m) {
      setPaused(true, m.timeLeft);
    },
    resume(m) {
      setPaused(false, m.timeLeft);
    },
    reveal(m) {
      showReveal(m);
    },
    leaderboard(m) {
      showLeaderboard(m);
    },
    final(m) {
      showFinal(m);
    },
    kicked(m) {
      forgetSeat();
      stop(String(m.text || "The instructor removed you from the class."), false);
      $("ended-title").textContent = "Removed from the class";
    },
    error(m) {
      if (!m.fatal)
        return;
      const text = String(m.text || m.reason || "The host closed the connection.");
      const reason = String(m.reason || "");
      if (reason === "kicked") {
        forgetSeat();
        stop(text, false);
        $("ended-title").textContent = "Removed from the class";
        return;
      }
      if (FINAL_REASONS.includes(reason) || reason === "host-closing") {
        const hadSeat = state.joinedOnce || !!state.token;
        if (reason === "bad-token")
          forgetSeat();
        if (!hadSeat || reason === "bad-token") {
          state.stopped = true;
          showJoin(text);
          return;
        }
        stop(text, reason !== "host-closing");
      }
      // too-slow, timeout: the connection closes and lost() rejoins with the token.
    },
    ping(m) {
      send({ type: "pong", id: m.id });
    },
    pong() {},
  };

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
    const same = state.question && state.question.question === m.question;
    state.question = m;
    if (!same) {
      state.picked = new Set(m.answered || []);
      state.sent = (m.answered || []).length > 0;
      state.accepted = state.sent;
      state.paused = false;
    }
    state.timeLeft = Number(m.timeLeft || 0);
    state.deadline = performance.now() + state.timeLeft;
    $("question-counter").textContent = "Question " + (m.question + 1) + " of " + m.total;
    const stem = $("stem");
    clear(stem);
    stem.appendChild(rich(m.stem));
    const multiple = m.kind === "multiple";
    $("options-hint").textContent = multiple
      ? "Select all that apply, then Submit" : "Choose one answer, then Submit";
    const status = $("answer-status");
    status.textContent = state.accepted ? "Answer received" : "";
    status.className = "answer-status" + (state.accepted ? " received" : "");
    $("paused").hidden = !state.paused;
    buildOptions(m, multiple);
    drawTimer();
    show("question");
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
    submit.disabled = locked || state.picked.size === 0;
    submit.textContent = state.sent ? (state.accepted ? "Submitted" : "Sending…") : "Submit";
  }

  function submitAnswer() {
    if (!state.question || state.sent || state.paused || state.picked.size === 0)
      return;
    state.sent = true;
    state.accepted = false;
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
    const kind = chosen.length === 0 ? "none" : you.correct ? "right" : you.partial ? "partial" : "wrong";
    verdict.textContent = { none: "No answer", right: "Correct", partial: "Partly right",
      wrong: "Wrong" }[kind];
    verdict.className = "verdict " + kind;
    $("reveal-points").textContent = "+" + number(you.points) + " points · " + number(m.score) +
      " in all" + (m.streak > 1 ? " · streak " + m.streak : "");
    $("reveal-critical").hidden = !you.critical;
    const right = $("reveal-correct");
    clear(right);
    for (const id of correct)
      right.appendChild(optionItem(m, id, "", chosen.length === 0));
    const yours = $("reveal-yours");
    clear(yours);
    $("reveal-yours-title").textContent = chosen.length ? "Your answer" : "You did not answer";
    for (const id of chosen)
      yours.appendChild(optionItem(m, id, correct.includes(id) ? "✓ Correct" : "✗ Not correct", true));
    const explanation = $("reveal-explanation");
    clear(explanation);
    explanation.appendChild(rich(m.explanation));
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
    show("leaderboard");
  }

  function showFinal(m) {
    const you = m.you || {};
    $("final-title").textContent = "You finished " + ordinal(you.rank) + " of " + you.of;
    $("final-score").textContent = number(you.score) + " points · " + you.correct + " of " +
      (state.total || "?") + " right";
    fillBoard($("final-top"), m.top, state.nickname);
    show("final");
  }

  // ---- input ---------------------------------------------------------------------------------

  function join(event) {
    event.preventDefault();
    const code = $("code").value.trim().toUpperCase();
    const nickname = $("nickname").value.trim();
    if (!code || !nickname) {
      $("join-error").textContent = !code ? "Type the class code from the projector."
        : "Type a nickname.";
      (!code ? $("code") : $("nickname")).focus();
      return;
    }
    state.code = code;
    state.nickname = nickname;
    state.stopped = false;
    state.joinedOnce = false;
    const seat = loadSeat(code);
    state.token = seat && seat.nickname === nickname ? seat.token : "";
    $("join-error").textContent = "";
    $("join-button").disabled = true;
    setConnection("Joining…");
    connect();
  }

  document.addEventListener("keydown", (event) => {
    if (document.body.dataset.view !== "question" || event.ctrlKey || event.metaKey || event.altKey)
      return;
    const m = state.question;
    if (event.key === "Enter") {
      if (event.target.tagName !== "BUTTON") {
        event.preventDefault();
        submitAnswer();
      }
      return;
    }
    const key = event.key.length === 1 ? event.key.toUpperCase() : "";
    let position = m.options.findIndex((o) => String(o.letter).toUpperCase() === key);
    if (position < 0 && key >= "1" && key <= "9")
      position = Number(key) - 1;
    if (position < 0 || position >= m.options.length)
      return;
    event.preventDefault();
    const input = $("options").children[position].querySelector("input");
    if (input.disabled)
      return;
    input.focus();
    if (m.kind === "multiple")
      input.checked = !input.checked;
    else
      input.checked = true;
    input.dispatchEvent(new Event("change"));
  });

  $("join-form").addEventListener("submit", join);
  $("submit").addEventListener("click", submitAnswer);
  $("ended-button").addEventListener("click", () => {
    state.stopped = false;
    state.joinedOnce = false;
    forgetSeat();
    showJoin("");
  });

  // ---- start ---------------------------------------------------------------------------------

  let code = (params.get("code") || "").trim().toUpperCase();
  if (!code) {
    try {
      code = localStorage.getItem("heparin-quiz.last-code") || "";
    } catch (e) {
      code = "";
    }
  }
  $("code").value = code;
  const seat = code ? loadSeat(code) : null;
  if (seat) {
    state.code = code;
    state.nickname = String(seat.nickname || "");
    state.token = seat.token;
    $("nickname").value = state.nickname;
    setWho();
    setConnection("Rejoining as " + state.nickname + "…");
    show("join");
    $("join-button").disabled = true;
    connect();
  } else {
    showJoin("");
    (code ? $("nickname") : $("code")).focus();
  }
})();

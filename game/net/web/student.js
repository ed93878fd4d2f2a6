// The student page: joins a live class over one WebSocket (protocol version 3, documented in
// game/net/README.md) and shows what the host sends. Plain script, no libraries, nothing
// fetched. The seat (nickname and rejoin token) is kept in localStorage under the class code, so
// a reload, a dropped connection or a locked phone comes back to the same seat and score.
"use strict";

(function () {
  const HQ = window.HeparinQuiz;
  const { show, setConnection, showJoin, showLobby, showQuestion, drawOptions,
    submitAnswer, setPaused, showReveal, showLeaderboard, showFinal } = HQ;
  const PROTOCOL = 3;
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

  function questionKey() {
    return "heparin-quiz.question." + state.code.toUpperCase();
  }

  function restoreQuestion() {
    try {
      const question = JSON.parse(sessionStorage.getItem(questionKey()) || "null");
      if (question && Array.isArray(question.options))
        state.question = question;
    } catch (e) {
      // nothing kept
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

  // The host pings every 2 s and answers our pings: silence for 6 s means the connection is
  // gone even if the browser has not noticed (Wi-Fi handover, a phone waking up).
  let pingId = 0;
  setInterval(() => {
    if (!state.ws || state.ws.readyState !== WebSocket.OPEN || !state.joinedOnce)
      return;
    if (Date.now() - state.lastHeard > 6000)
      reconnectNow();
    else if (++pingId % 3 === 0)
      send({ type: "ping", id: pingId });
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
      // Kept for this tab, so a reveal after a reload still has the options' texts.
      try {
        sessionStorage.setItem(questionKey(), JSON.stringify(m));
      } catch (e) {
        // without storage the reveal shows letters only
      }
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
      if (!m.accepted && state.question.kind === "numeric")
        $("number").focus();
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

  // ---- input ---------------------------------------------------------------------------------

  function join(event) {
    event.preventDefault();
    // Sent as typed: the host compares codes in one normalised form (any letter case).
    const code = $("code").value.trim();
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
    if (event.key === "Enter" && m.kind === "numeric") {
      event.preventDefault();
      submitAnswer();
      return;
    }
    if (m.kind === "numeric")
      return; // the keys are the number being typed, not option letters
    if (HQ.isSteps(m)) {
      // Letters do not pick here: Tab reaches every Up, Down and list, Enter sends.
      if (event.key === "Enter" && event.target.tagName !== "BUTTON" &&
          event.target.tagName !== "SELECT") {
        event.preventDefault();
        submitAnswer();
      }
      return;
    }
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
  $("number").addEventListener("input", () => {
    const status = $("answer-status");
    if (status.classList.contains("refused")) {
      status.textContent = "";
      status.className = "answer-status";
    }
    drawOptions();
  });
  $("ended-button").addEventListener("click", () => {
    state.stopped = false;
    state.joinedOnce = false;
    forgetSeat();
    showJoin("");
  });

  HQ.attach(state, send);
  if (TEST) {
    // The browser test drops the connection as a Wi-Fi drop would, without telling the host.
    HQ.dropConnection = () => state.ws && state.ws.close();
  }

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
    restoreQuestion();
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


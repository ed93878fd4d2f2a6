// Ordering and matching questions on the student page: an ordering question is a list with
// Up and Down buttons on every item (touch and keyboard; each button says what it moves), a
// matching one a <select> per prompt. Items and choices are named by the letters the host
// sent, and the answer goes back in those letters. views.js calls these.
"use strict";

(function () {
  const HQ = (window.HeparinQuiz = window.HeparinQuiz || {});
  const { $, clear, rich, plain } = HQ;
  let state = null;
  let redraw = () => {};

  function attachSteps(pageState, onChange) {
    state = pageState;
    redraw = onChange;
  }

  function isSteps(m) {
    return !!m && (m.kind === "ordering" || m.kind === "matching");
  }

  function textOf(list, id) {
    const found = (list || []).find((o) => o.id === id);
    return found ? found.text : [];
  }

  // A new question starts from what the host says was sent, else from the shown order.
  function resetSteps(m) {
    const sent = m.answered || [];
    if (m.kind === "ordering")
      state.order = sent.length > 0 ? [...sent] : (m.items || []).map((item) => item.id);
    state.matches = {};
    if (m.kind === "matching")
      (m.prompts || []).forEach((prompt, n) => {
        if (sent[n] && sent[n] !== "-")
          state.matches[prompt.id] = sent[n];
      });
  }

  function move(from, to) {
    if (to < 0 || to >= state.order.length)
      return;
    const [letter] = state.order.splice(from, 1);
    state.order.splice(to, 0, letter);
    buildOrdering(state.question);
    // Keep the focus on the button just pressed, so repeated presses keep moving the item.
    const button = $("steps").querySelector(
      '[data-letter="' + letter + '"] button.' + (to < from ? "up" : "down"));
    const fallback = $("steps").querySelector('[data-letter="' + letter + '"] button:not([disabled])');
    (button && !button.disabled ? button : fallback || $("submit")).focus();
    HQ.announce(letter + " moved to place " + (to + 1) + " of " + state.order.length);
    redraw();
  }

  function moveButton(className, label, letter, position, to) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary move " + className;
    button.textContent = label;
    button.setAttribute("aria-label", "Move " + letter + " " + className);
    button.disabled = to < 0 || to >= state.order.length;
    button.addEventListener("click", () => move(position, to));
    return button;
  }

  function buildOrdering(m) {
    const list = $("steps");
    clear(list);
    state.order.forEach((letter, position) => {
      const item = document.createElement("li");
      item.className = "step";
      item.dataset.letter = letter;
      const place = document.createElement("span");
      place.className = "place";
      place.textContent = String(position + 1);
      const text = document.createElement("span");
      text.className = "step-text";
      text.appendChild(document.createTextNode(letter + ". "));
      text.appendChild(rich(textOf(m.items, letter)));
      const buttons = document.createElement("span");
      buttons.className = "moves";
      buttons.append(moveButton("up", "▲ Up", letter, position, position - 1),
        moveButton("down", "▼ Down", letter, position, position + 1));
      item.append(place, text, buttons);
      list.appendChild(item);
    });
  }

  function buildMatching(m) {
    const list = $("steps");
    clear(list);
    for (const prompt of m.prompts || []) {
      const item = document.createElement("li");
      item.className = "match";
      const label = document.createElement("label");
      label.htmlFor = "match-" + prompt.id;
      label.appendChild(document.createTextNode(prompt.letter + ". "));
      label.appendChild(rich(prompt.text));
      const select = document.createElement("select");
      select.id = "match-" + prompt.id;
      select.dataset.prompt = prompt.id;
      const none = document.createElement("option");
      none.value = "";
      none.textContent = "Choose…";
      select.appendChild(none);
      for (const choice of m.choices || []) {
        const option = document.createElement("option");
        option.value = choice.id;
        option.textContent = choice.letter + ". " + plain(choice.text);
        select.appendChild(option);
      }
      select.value = state.matches[prompt.id] || "";
      select.addEventListener("change", () => {
        if (select.value)
          state.matches[prompt.id] = select.value;
        else
          delete state.matches[prompt.id];
        redraw();
      });
      item.append(label, select);
      list.appendChild(item);
    }
  }

  function buildSteps(m, same) {
    $("steps-set").hidden = !isSteps(m);
    if (!isSteps(m))
      return;
    if (!same)
      resetSteps(m);
    $("steps-hint").textContent = (m.kind === "ordering"
      ? "Put the steps in order, first at the top: move each with its Up and Down buttons, then Submit. "
      : "Choose the matching answer for each prompt, then Submit. ") + String(m.rule || "");
    if (m.kind === "ordering")
      buildOrdering(m);
    else
      buildMatching(m);
  }

  // Locks the controls while the answer is sent or the question is paused; true when complete.
  function drawSteps(locked) {
    for (const control of $("steps").querySelectorAll("button, select"))
      control.disabled = locked;
    if (!locked)
      for (const button of $("steps").querySelectorAll("button.move")) {
        const letter = button.closest("li").dataset.letter;
        const position = state.order.indexOf(letter);
        button.disabled = button.classList.contains("up") ? position === 0
          : position === state.order.length - 1;
      }
    const m = state.question;
    if (m.kind === "ordering")
      return state.order.length === (m.items || []).length && state.order.length > 0;
    return (m.prompts || []).every((prompt) => !!state.matches[prompt.id]);
  }

  function stepsAnswer() {
    const m = state.question;
    if (m.kind === "ordering")
      return { order: [...state.order] };
    return { matches: (m.prompts || []).map((p) => ({ prompt: p.id, choice: state.matches[p.id] })) };
  }

  function li(text) {
    const item = document.createElement("li");
    if (typeof text === "string")
      item.textContent = text;
    else
      item.appendChild(text);
    return item;
  }

  // The right order or pairs with each rationale, what this student sent and how many of its
  // pairs were right, and how the class answered.
  function showStepsReveal(m, right, yours) {
    const q = state.question && isSteps(state.question) ? state.question : null;
    const ordering = q ? q.kind === "ordering" : !(m.steps || []).some((s) => s.choice);
    for (const step of m.steps || []) {
      const body = document.createElement("div");
      body.className = "answer-body";
      if (ordering) {
        body.appendChild(document.createTextNode(step.letter + ". "));
        body.appendChild(rich(step.text));
      } else {
        body.appendChild(document.createTextNode(step.letter + ". "));
        body.appendChild(rich(step.text));
        body.appendChild(document.createTextNode(" → " + step.choice + ". "));
        body.appendChild(rich(step.answer || []));
      }
      if (Array.isArray(step.rationale) && step.rationale.length > 0) {
        const why = document.createElement("span");
        why.className = "rationale";
        why.appendChild(rich(step.rationale));
        body.appendChild(why);
      }
      right.appendChild(li(body));
    }
    right.className = "answer-list steps-key";
    const you = m.you || {};
    if (Array.isArray(you.order) && you.order.length > 0) {
      const sent = ordering ? you.order.join(" ")
        : you.order.map((letter, n) => (n + 1) + " → " + letter).join(", ");
      yours.appendChild(li((ordering ? "Your order: " : "Your matches: ") + sent));
      const what = ordering ? "Your order had " + you.right + " of " + you.of + " pairs right"
        : "You matched " + you.right + " of " + you.of + " prompts right";
      yours.appendChild(li((you.correct ? "✓ " : you.partial ? "◐ " : "✗ ") + what));
    }
    const groups = $("reveal-groups");
    clear(groups);
    for (const group of m.groups || [])
      groups.appendChild(li(group.label + ": " + group.count));
    groups.hidden = $("reveal-groups-title").hidden = (m.groups || []).length === 0;
    return Array.isArray(you.order) && you.order.length > 0;
  }

  Object.assign(HQ, { attachSteps, isSteps, buildSteps, drawSteps, stepsAnswer, showStepsReveal });
})();

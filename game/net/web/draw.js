// Drawing helpers of the student page: views, rich text, option marks, numbers. Loaded before
// views.js and student.js, which find these on window.HeparinQuiz.
"use strict";

(function () {
  const HQ = (window.HeparinQuiz = window.HeparinQuiz || {});
  const $ = (id) => document.getElementById(id);
  const SHAPES = ["circle", "triangle", "diamond", "square", "pentagon", "hexagon", "octagon",
    "heptagon"];
  const COLOURS = ["#d64c56", "#3a86dc", "#e2aa28", "#46aa6e", "#9664d2", "#e67832", "#28aab4",
    "#c85aa0"];
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

  // What a screen reader should say when the view changes (the views themselves are not live).
  function announce(text) {
    $("announce").textContent = text;
  }

  Object.assign(HQ, { $, SHAPES, COLOURS, show, clear, rich, plain, mark, ordinal, number,
    setConnection, announce });
})();

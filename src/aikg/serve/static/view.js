// The served graph view: neighbourhoods fetched from this server as nodes are expanded.
// Every text from the data goes into the page as textContent (never as HTML); vis-network
// draws labels on a canvas. Requests go to this server only.
(function () {
  "use strict";
  const root = document.getElementById("view");
  if (!root || typeof vis === "undefined") {
    return;
  }
  const statusLine = document.getElementById("status");
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const known = new Map();
  const palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
  const colours = new Map();
  const network = new vis.Network(document.getElementById("network"), { nodes, edges }, {
    physics: { stabilization: { iterations: 150 } },
    nodes: { shape: "dot", size: 12, font: { size: 13 } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, font: { size: 9, align: "middle" },
      color: { color: "#999" } },
    interaction: { hover: true },
  });
  let selected = null;

  function say(text) {
    statusLine.textContent = text;
  }

  function colour(kind) {
    if (!colours.has(kind)) {
      colours.set(kind, palette[colours.size % palette.length]);
    }
    return colours.get(kind);
  }

  function add(data) {
    for (const node of data.nodes) {
      known.set(node.id, node);
      const label = node.zh === node.en ? node.zh : node.zh + "\n" + node.en;
      const entry = { id: node.id, label: label.length > 60 ? label.slice(0, 57) + "…" : label,
        color: colour(node.kind) };
      if (nodes.get(node.id)) {
        nodes.update(entry);
      } else {
        nodes.add(entry);
      }
    }
    for (const edge of data.edges) {
      const id = edge.from + " " + edge.p + " " + edge.to;
      if (!edges.get(id)) {
        edges.add({ id: id, from: edge.from, to: edge.to, label: edge.p });
      }
    }
  }

  async function expand(iri, depth) {
    say("Loading 加载中 …");
    const query = new URLSearchParams({ iri: iri, depth: String(depth) });
    let response;
    try {
      response = await fetch("/view/neighbourhood.json?" + query.toString());
    } catch (problem) {
      say("The server did not answer.");
      return;
    }
    if (!response.ok) {
      say((await response.text()).trim());
      return;
    }
    const data = await response.json();
    add(data);
    say(nodes.length + " nodes, " + edges.length + " links" +
      (data.truncated ? " (some neighbours are not shown: too many)" : ""));
    show(iri);
    network.selectNodes([iri]);
    root.dataset.loaded = String(Number(root.dataset.loaded || "0") + 1);
  }

  function show(iri) {
    const node = known.get(iri);
    const panel = document.getElementById("details");
    if (!node) {
      panel.hidden = true;
      return;
    }
    selected = iri;
    panel.hidden = false;
    document.getElementById("details-zh").textContent = node.zh;
    document.getElementById("details-en").textContent = node.en === node.zh ? "" : node.en;
    const kind = node.kindLabel ? node.kindLabel.zh + " · " + node.kindLabel.en : node.kind;
    document.getElementById("details-kind").textContent = kind + " — " + node.curie;
    const link = document.getElementById("details-page");
    if (node.href && node.href.startsWith("/id/")) {
      link.href = node.href;
      link.hidden = false;
    } else {
      link.hidden = true;
    }
  }

  function depth() {
    return Number(document.getElementById("depth").value || "1");
  }

  network.on("click", function (event) {
    if (event.nodes.length) {
      show(event.nodes[0]);
    }
  });
  network.on("doubleClick", function (event) {
    if (event.nodes.length) {
      expand(event.nodes[0], 1);
    }
  });
  document.getElementById("expand").addEventListener("click", function () {
    if (selected) {
      expand(selected, 1);
    }
  });

  document.getElementById("search").addEventListener("submit", async function (event) {
    event.preventDefault();
    const text = document.getElementById("search-text").value.trim();
    const list = document.getElementById("results");
    list.replaceChildren();
    if (!text) {
      return;
    }
    const response = await fetch("/queries/search.json?" + new URLSearchParams({ text: text }));
    if (!response.ok) {
      say((await response.text()).trim());
      return;
    }
    const rows = (await response.json()).results.bindings;
    const seen = new Set();
    for (const row of rows) {
      const iri = row.entity.value;
      if (seen.has(iri)) {
        continue;
      }
      seen.add(iri);
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      const zh = row.label_zh ? row.label_zh.value : "";
      const en = row.label_en ? row.label_en.value : "";
      button.textContent = [zh, en].filter(Boolean).join(" · ") || iri;
      button.dataset.iri = iri;
      button.addEventListener("click", function () {
        nodes.clear();
        edges.clear();
        history.replaceState(null, "", "/view?" + new URLSearchParams({ focus: iri, depth: String(depth()) }));
        expand(iri, depth());
      });
      item.appendChild(button);
      list.appendChild(item);
    }
    say(seen.size ? seen.size + " found 找到" : "Nothing found 未找到");
  });

  const focus = root.dataset.focus;
  if (focus) {
    expand(focus, Number(root.dataset.depth || "1"));
  } else {
    say("Search for an entity, or open one from its page. 搜索实体。");
  }
  document.documentElement.dataset.ready = "true";
})();

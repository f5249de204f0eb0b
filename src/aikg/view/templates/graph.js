/* aikg graph view. All text from the data is set with textContent or createTextNode; no HTML
 * is ever parsed from data. The page makes no request: the data is inline JSON, deflated and
 * base64-encoded when it is large (the HTML parser then reads a sixth of the bytes). */
(function () {
  "use strict";

  var mark = function (name) { if (window.performance && performance.mark) { performance.mark("aikg:" + name); } };
  mark("start");
  function loadData(done) {
    var node = document.getElementById("aikg-data");
    if (node.getAttribute("data-encoding") !== "deflate;base64") { done(JSON.parse(node.textContent)); return; }
    var text = atob(node.textContent);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    new Response(stream).text().then(function (json) { done(JSON.parse(json)); });
  }
  loadData(function (DATA) {
    mark("parsed");
    var T = {
      zh: {
        search: "搜索实体：中文或英文名称、别名、IRI", noMatch: "没有匹配的实体",
        sourceLinks: "来源链接", relationLabels: "关系名称", fit: "全图", classes: "类别",
        all: "全选", places: "地区", allPlaces: "全部地区", withSubPlaces: "含下级地区", relation: "关系", sourceLink: "来源链接（提及、来源于）",
        builtWith: "基于 pyvis 与 vis-network 构建", entities: "个实体", relations: "条关系",
        aliases: "别名", properties: "属性", relationsHead: "关系", observations: "观测值与目标",
        sources: "来源与引文", mentionedIn: "提及于", derivedFrom: "来源文档",
        noSource: "图谱未记录该事实的来源", openSource: "打开来源", dateUnknown: "日期未知",
        value: "数值", unit: "单位", unitText: "原文单位", qualifier: "限定词", period: "参考期",
        area: "地区", stated: "所述数值", evidence: "证据", notes: "说明",
        chars: "字符位置", copyLink: "链接到此实体", unknownNode: "此视图中没有实体：",
        sourceLinksN: "来源链接", degree: "关系数", relationPanel: "关系",
        close: "关闭", selectNode: "选择此实体", yes: "是", no: "否",
        series: "数据序列", seriesOf: "所属序列", overall: "总体",
        pointHint: "点击数据点，查看其来源与引文",
        unplaced: "无法置于时间轴的观测值（起点未说明，或只有时长）",
        qualifiedKey: "空心：带限定词的数值（超过、接近、约等）", estimatedKey: "虚线：估计值",
        notDrawn: "未画出的关联实体", drewOf: "画出 {drawn} 个，共 {total} 个",
        drawAll: "画出全部：", quoteElsewhere: "引文不在本页（此观测值未画出），查看："
      },
      en: {
        search: "Search entities: Chinese or English name, alias, IRI", noMatch: "No matching entity",
        sourceLinks: "Source links", relationLabels: "Relation names", fit: "Fit", classes: "Classes",
        all: "all", places: "Place", allPlaces: "All places", withSubPlaces: "with sub-places",
        relation: "relation", sourceLink: "source link (mentions, derived from)",
        builtWith: "built with pyvis on vis-network", entities: "entities", relations: "relations",
        aliases: "Also", properties: "Properties", relationsHead: "Relations",
        observations: "Observations and targets", sources: "Sources and quotes",
        mentionedIn: "Mentioned in", derivedFrom: "Source document",
        noSource: "The graph records no source for this fact", openSource: "Open source",
        dateUnknown: "date unknown", value: "Value", unit: "Unit", unitText: "Unit as written",
        qualifier: "Qualifier", period: "Period", area: "Area", stated: "Stated value",
        evidence: "Evidence", notes: "Notes", chars: "characters", copyLink: "Link to this entity",
        unknownNode: "No such entity in this view: ", sourceLinksN: "Source links",
        degree: "relations", relationPanel: "Relation", close: "close", selectNode: "Select",
        yes: "yes", no: "no",
        series: "Series", seriesOf: "Series of", overall: "overall",
        pointHint: "Click a point for its source and quote",
        unplaced: "Not on the time axis (start unstated, or a duration only)",
        qualifiedKey: "open: a qualified value (more than, nearly, about …)",
        estimatedKey: "dashed: estimated",
        notDrawn: "Linked entities not drawn", drewOf: "{drawn} of {total} drawn",
        drawAll: "To draw them all: ",
        quoteElsewhere: "Its quote is not on this page (the observation is not drawn): "
      }
    };
    var lang = DATA.lang === "en" ? "en" : "zh";
    var MEASURED = { "schema:Observation": true, "aikg:Target": true };
    /* A selected node's relation names are drawn when it has at most this many relations. */
    var MAX_NAMED = 12;
    /* The data names each shared thing once: a quote with its source by its place in
     * DATA.evidence, a document by its place in DATA.sources, a property's label by its prefixed
     * name in DATA.properties, a unit's, place's, period's ... in DATA.terms. An entity's details
     * hold only what it has: the missing fields are filled in here. */
    var details = DATA.details;
    var sources = DATA.sources;
    var EVIDENCE = DATA.evidence || [];
    var terms = DATA.terms || {};
    var propertyNames = DATA.properties || {};
    var NONE = [];
    var NO_PROPS = {};
    /* node -> the relations of which some linked entities are not drawn (--max-neighbours) */
    var FOLDED = DATA.folded || {};
    Object.keys(details).forEach(function (id) {
      var d = details[id];
      if (!d.curie) { d.curie = id; }
      if (!d.classes) { d.classes = [d.cls]; }
      if (!d.label) { d.label = d.name; }
      if (!d.aliases) { d.aliases = NONE; }
      if (!d.props) { d.props = NO_PROPS; }
    });
    var classStyle = {};
    DATA.classes.forEach(function (c) { classStyle[c.id] = c; });
    /* An edge (source links too) by its id, "e" and its place in DATA.edges, [from, to,
     * relation]: its ends, relation and evidence, read when first needed. */
    var edgeCache = {};
    function edgeInfo(id) {
      if (Object.prototype.hasOwnProperty.call(edgeCache, id)) { return edgeCache[id]; }
      var e = /^e\d+$/.test(id) ? DATA.edges[Number(id.slice(1))] : null;
      if (!e) { return null; }
      var kind = DATA.relations[e[2]];
      var more = DATA.edgeDetails[id] || {};
      edgeCache[id] = { id: id, from: DATA.nodes[e[0]].id, to: DATA.nodes[e[1]].id, p: kind.p, l: kind.l,
        prov: !!kind.prov, ev: more.ev || NONE, docs: more.docs || NONE, notes: more.notes || NONE };
      return edgeCache[id];
    }
    function isSourceLink(i) { return !!DATA.relations[DATA.edges[i][2]].prov; }
    /* The edges of each entity, both ways: built when a panel first lists them. */
    var adjacency = null;
    function edgesOf(id) {
      if (!adjacency) {
        adjacency = {};
        DATA.edges.forEach(function (e, i) {
          var from = DATA.nodes[e[0]].id, to = DATA.nodes[e[1]].id;
          (adjacency[from] = adjacency[from] || []).push("e" + i);
          if (to !== from) { (adjacency[to] = adjacency[to] || []).push("e" + i); }
        });
      }
      return adjacency[id] || NONE;
    }

    function t(key) { return (T[lang] && T[lang][key]) || T.en[key] || key; }
    /* The label of a resource that is not an entity (a unit, a place ...) by its prefixed name. */
    function term(curie) { return pick(terms[curie]) || curie; }
    function pick(texts) {
      if (!texts) { return ""; }
      if (typeof texts === "string") { return texts; }
      return texts[lang] || texts.zh || texts.en || "";
    }
    function other(texts) {
      if (!texts || typeof texts === "string") { return ""; }
      var o = lang === "zh" ? texts.en : texts.zh;
      return o && o !== pick(texts) ? o : "";
    }
    function cut(text, limit) {
      text = String(text);
      return text.length <= limit ? text : text.slice(0, limit - 1).replace(/\s+$/, "") + "…";
    }
    function norm(text) { return String(text).normalize("NFKC").toLowerCase().trim(); }

    /* el("div", {class: "x"}, "text", childNode, ...) — strings become text nodes. */
    function el(tag, attrs) {
      var node = document.createElement(tag);
      if (attrs) {
        Object.keys(attrs).forEach(function (key) {
          var value = attrs[key];
          if (value === null || value === undefined || value === false) { return; }
          if (key === "class") { node.className = value; }
          else if (key === "text") { node.textContent = value; }
          else { node.setAttribute(key, value); }
        });
      }
      for (var i = 2; i < arguments.length; i++) {
        var child = arguments[i];
        if (child === null || child === undefined || child === "") { continue; }
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
      return node;
    }
    function safeUrl(value) {
      if (typeof value !== "string") { return null; }
      try {
        var url = new URL(value);
        return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
      } catch (e) { return null; }
    }

    /* --- the network ------------------------------------------------------------------------ */
    /* The source links (often half the edges) join the network only when first shown: hidden,
     * vis-network would still build each of them while the page loads. */
    var labelsOn = false;
    var sourceLinksIn = !!DATA.sourceLinks;
    function visEdge(i) {
      var e = DATA.edges[i];
      var kind = DATA.relations[e[2]];
      var item = { id: "e" + i, from: DATA.nodes[e[0]].id, to: DATA.nodes[e[1]].id, title: pick(kind.l) };
      if (kind.prov) {
        Object.keys(DATA.sourceLinkStyle).forEach(function (key) { item[key] = DATA.sourceLinkStyle[key]; });
      }
      if (labelsOn) { item.label = pick(kind.l); }
      return item;
    }
    /* The places of the edges given to vis-network (the source links once they are shown). */
    function drawnEdges() {
      var out = [];
      for (var i = 0; i < DATA.edges.length; i++) {
        if (sourceLinksIn || !isSourceLink(i)) { out.push(i); }
      }
      return out;
    }
    /* In a large graph a node gets its label when it is first in view at a scale where labels
     * are drawn (vis-network would measure every label while the page loads, and draws none of
     * them at the scale that shows the whole graph). */
    var labelled = {};
    var LABEL_SCALE = 4 / DATA.options.nodes.font.size;  /* vis-network draws no smaller label */
    function nodeLabel(id) { return cut(pick(details[id].label), DATA.labelChars); }
    var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
      var item = { id: n.id, group: n.group, size: n.size, x: n.x, y: n.y, title: tooltip(n.id) };
      if (!DATA.labelsInView) { item.label = n.label; labelled[n.id] = true; }
      return item;
    }));
    var edges = new vis.DataSet(drawnEdges().map(visEdge));
    var options = DATA.options;
    var container = document.getElementById("network");
    mark("datasets");
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
    mark("network");

    /* --- search ----------------------------------------------------------------------------- */
    var index = null;  /* built on the first search, not while the page loads */
    function buildIndex() {
      index = DATA.nodes.map(function (n) {
        var d = details[n.id];
        var keys = [d.name.zh, d.name.en, d.label.zh, d.label.en, d.curie, n.id].concat(d.aliases || []);
        return { id: n.id, keys: keys.filter(Boolean).map(norm) };
      });
    }
    function search(query, limit) {
      var q = norm(query);
      if (!q) { return []; }
      if (!index) { buildIndex(); }
      var hits = [];
      index.forEach(function (entry) {
        var best = 9;
        entry.keys.forEach(function (k) {
          var rank = k === q ? 0 : k.indexOf(q) === 0 ? 1 : k.indexOf(q) > 0 ? 2 : 9;
          if (rank < best) { best = rank; }
        });
        if (best < 9) { hits.push({ id: entry.id, rank: best, len: pick(details[entry.id].name).length }); }
      });
      hits.sort(function (a, b) { return a.rank - b.rank || a.len - b.len || (a.id < b.id ? -1 : 1); });
      return hits.slice(0, limit || 12).map(function (h) { return h.id; });
    }
    var input = document.getElementById("search");
    var results = document.getElementById("results");
    var active = -1;
    function showResults() {
      var found = search(input.value, 12);
      results.textContent = "";
      active = found.length ? 0 : -1;
      if (!input.value.trim()) { results.hidden = true; return; }
      if (!found.length) {
        results.appendChild(el("li", { class: "empty", text: t("noMatch") }));
      }
      found.forEach(function (id, i) {
        var d = details[id];
        var cls = classStyle[d.cls];
        var sub = [other(d.name), cls ? pick(cls.label) : d.cls].filter(Boolean).join(" · ");
        var li = el("li", { role: "option", "data-id": id, class: i === 0 ? "active" : null },
          el("span", { class: "main", text: pick(d.name) }), el("span", { class: "sub", text: sub }));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(id); });
        results.appendChild(li);
      });
      results.hidden = false;
    }
    function choose(id) {
      results.hidden = true;
      input.value = pick(details[id].name);
      selectNode(id, { focus: true, hash: true });
    }
    input.addEventListener("input", showResults);
    input.addEventListener("focus", function () { if (input.value.trim()) { showResults(); } });
    input.addEventListener("blur", function () { results.hidden = true; });
    input.addEventListener("keydown", function (ev) {
      var items = results.querySelectorAll("li[data-id]");
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        if (!items.length) { return; }
        ev.preventDefault();
        active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
        items.forEach(function (li, i) { li.classList.toggle("active", i === active); });
        items[active].scrollIntoView({ block: "nearest" });
      } else if (ev.key === "Enter") {
        ev.preventDefault();
        if (results.hidden) { showResults(); items = results.querySelectorAll("li[data-id]"); }
        if (items.length) { choose(items[Math.max(active, 0)].getAttribute("data-id")); }
      } else if (ev.key === "Escape") {
        results.hidden = true;
      }
    });

    /* --- class filters and toggles ---------------------------------------------------------- */
    var shown = {};
    DATA.classes.forEach(function (c) { shown[c.id] = true; });
    var classList = document.getElementById("class-list");
    function buildLegend() {
      classList.textContent = "";
      DATA.classes.forEach(function (c) {
        var box = el("input", { type: "checkbox", "data-class": c.id });
        box.checked = shown[c.id];
        box.addEventListener("change", function () { setClass(c.id, box.checked); });
        var swatch = el("span", { class: "swatch " + c.shape });
        swatch.style.background = c.color;
        classList.appendChild(el("li", null, el("label", { title: c.id }, box, swatch,
          el("span", { text: pick(c.label) }), el("span", { class: "count", text: String(c.count) }))));
      });
    }
    function applyClasses() {
      var updates = [];
      DATA.nodes.forEach(function (n) {
        var hidden = !shown[details[n.id].cls] || (inPlace !== null && !inPlace[n.id]);
        if (nodes.get(n.id).hidden !== hidden) { updates.push({ id: n.id, hidden: hidden }); }
      });
      if (updates.length) { nodes.update(updates); }
    }
    /* --- place filter: the entities in a place (with or without its sub-places), and the
       entities they link to; DATA.places is in tree order, each with its parents ("in") --- */
    var PLACES = DATA.places || [];
    var placeOf = DATA.placeOf || {};
    var placeSelect = document.getElementById("place-filter");
    var subPlaces = document.getElementById("sub-places");
    var inPlace = null;  /* the node ids the place filter shows; null: every place */
    document.getElementById("place-box").hidden = !PLACES.length;
    function placesWithin(i, below) {
      var within = {};
      within[i] = true;
      for (var grew = below; grew;) {
        grew = false;
        PLACES.forEach(function (p, j) {
          if (!within[j] && p["in"].some(function (k) { return within[k]; })) { within[j] = true; grew = true; }
        });
      }
      return within;
    }
    function placeDepth(i) {
      var depth = 0;
      for (var p = PLACES[i]; p && p["in"].length && depth < 6; p = PLACES[p["in"][0]]) { depth++; }
      return depth;
    }
    function buildPlaces() {
      var chosen = placeSelect.value;
      placeSelect.textContent = "";
      placeSelect.appendChild(el("option", { value: "", text: t("allPlaces") }));
      PLACES.forEach(function (p, i) {
        placeSelect.appendChild(el("option", { value: String(i), "data-place": p.id,
          text: "\u3000".repeat(placeDepth(i)) + pick(p.name) }));
      });
      placeSelect.value = chosen;
    }
    function applyPlace() {
      if (placeSelect.value === "") {
        inPlace = null;
      } else {
        var within = placesWithin(Number(placeSelect.value), subPlaces.checked);
        inPlace = {};
        DATA.nodes.forEach(function (n, i) {
          var pl = placeOf[i];
          if (!pl || !pl.some(function (k) { return within[k]; })) { return; }
          inPlace[n.id] = true;
          edgesOf(n.id).forEach(function (e) {
            var info = edgeInfo(e);
            if (!info.prov) { inPlace[info.from] = true; inPlace[info.to] = true; }
          });
        });
      }
      applyClasses();
    }
    placeSelect.addEventListener("change", applyPlace);
    subPlaces.addEventListener("change", applyPlace);
    function setClass(cls, on) {
      shown[cls] = on;
      var box = classList.querySelector('input[data-class="' + CSS.escape(cls) + '"]');
      if (box) { box.checked = on; }
      applyClasses();
    }
    document.getElementById("all-classes").addEventListener("click", function () {
      DATA.classes.forEach(function (c) { shown[c.id] = true; });
      buildLegend();
      applyClasses();
    });
    var sourceToggle = document.getElementById("toggle-sources");
    sourceToggle.checked = !!DATA.sourceLinks;
    sourceToggle.addEventListener("change", function () {
      var links = DATA.edges.map(function (e, i) { return i; }).filter(isSourceLink);
      if (!sourceLinksIn) {
        sourceLinksIn = true;
        edges.add(links.map(visEdge));
      } else {
        edges.update(links.map(function (i) { return { id: "e" + i, hidden: !sourceToggle.checked }; }));
      }
    });
    /* Edges carry no label until it is shown: vis-network then neither measures nor draws
     * thousands of them while the page loads. */
    function edgeLabel(id, on) { return on ? pick(edgeInfo(id).l) : ""; }
    var labelToggle = document.getElementById("toggle-labels");
    labelToggle.addEventListener("change", function () {
      labelsOn = labelToggle.checked;
      edges.update(drawnEdges().map(function (i) {
        var id = "e" + i;
        return { id: id, label: edgeLabel(id, labelsOn || named.indexOf(id) >= 0) };
      }));
    });
    /* The names of the selected node's relations are drawn even when relation names are off. */
    var named = [];
    function nameEdges(ids) {
      var updates = named.filter(function (id) { return ids.indexOf(id) < 0; })
        .map(function (id) { return { id: id, label: edgeLabel(id, labelsOn) }; });
      ids.forEach(function (id) { updates.push({ id: id, label: edgeLabel(id, true) }); });
      named = ids.slice();
      if (updates.length) { edges.update(updates); }
    }
    document.getElementById("fit").addEventListener("click", function () {
      network.fit({ animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    });

    /* --- language --------------------------------------------------------------------------- */
    function tooltip(id) {
      var d = details[id];
      var cls = classStyle[d.cls];
      return [pick(d.name), other(d.name), (cls ? pick(cls.label) : d.cls) + " · " + d.curie]
        .filter(Boolean).join("\n");
    }
    function applyLanguage() {
      document.documentElement.lang = lang === "zh" ? "zh-Hans" : "en";
      document.querySelectorAll("[data-t]").forEach(function (node) {
        node.textContent = t(node.getAttribute("data-t"));
      });
      input.placeholder = t("search");
      input.setAttribute("aria-label", t("search"));
      document.getElementById("counts").textContent = DATA.nodes.length + " " + t("entities") +
        " · " + DATA.edges.length + " " + t("relations");
      document.querySelectorAll(".lang-switch button").forEach(function (b) {
        b.classList.toggle("on", b.getAttribute("data-lang") === lang);
      });
      buildLegend();
      buildPlaces();
    }
    function switchLanguage(next) {
      if (next === lang) { return; }
      lang = next;
      nodes.update(DATA.nodes.map(function (n) {
        var item = { id: n.id, title: tooltip(n.id) };
        if (labelled[n.id]) { item.label = nodeLabel(n.id); }
        return item;
      }));
      edges.update(drawnEdges().map(function (i) {
        var id = "e" + i;
        return { id: id, label: edgeLabel(id, labelsOn || named.indexOf(id) >= 0),
          title: pick(DATA.relations[DATA.edges[i][2]].l) };
      }));
      applyLanguage();
      if (current) { current.kind === "node" ? showNode(current.id) : showEdge(current.id); }
    }
    document.querySelectorAll(".lang-switch button").forEach(function (b) {
      b.addEventListener("click", function () { switchLanguage(b.getAttribute("data-lang")); });
    });

    /* --- the side panel --------------------------------------------------------------------- */
    var panel = document.getElementById("panel");
    var body = document.getElementById("panel-body");
    var current = null;

    function nodeLink(id) {
      var d = details[id];
      var a = el("a", { class: "node-link", href: "#" + encodeURI(id), "data-node": id,
        title: d ? d.curie : id, text: d ? pick(d.name) : id });
      a.addEventListener("click", function (ev) { ev.preventDefault(); selectNode(id, { focus: true, hash: true }); });
      return a;
    }
    function sourceBlock(ev, docKey) {
      var doc = sources[docKey !== undefined ? docKey : ev && ev.doc] || null;
      var box = el("div", { class: "source" });
      if (doc) {
        box.appendChild(el("div", { class: "src-title", text: doc.title }));
        var meta = [];
        if (doc.publisher) { meta.push(pick(doc.publisher)); }
        meta.push(doc.date || t("dateUnknown"));
        if (doc.reliability) { meta.push(pick(doc.reliability)); }
        box.appendChild(el("div", { class: "src-meta", text: meta.join(" · ") }));
      }
      if (ev && ev.quote) {
        var quote = el("blockquote");
        if (ev.prefix) { quote.appendChild(document.createTextNode("…" + ev.prefix.slice(-24))); }
        quote.appendChild(el("mark", { text: ev.quote }));
        if (ev.suffix) { quote.appendChild(document.createTextNode(ev.suffix.slice(0, 24) + "…")); }
        box.appendChild(quote);
        if (ev.start !== undefined && ev.end !== undefined) {
          box.appendChild(el("div", { class: "src-pos",
            text: (doc && doc.path ? doc.path + " · " : "") + t("chars") + " " + ev.start + "–" + ev.end }));
        }
      }
      var url = doc && safeUrl(doc.url);
      if (url) {
        box.appendChild(el("a", { href: url, target: "_blank", rel: "noopener noreferrer",
          text: t("openSource") + " ↗" }));
      }
      return box;
    }
    /* The evidence of one fact: each quote with its source, then sources without a quote. */
    function factSources(evidence, docs) {
      var wrap = el("div", { class: "fact-sources" });
      var quoted = {};
      (evidence || []).forEach(function (ref) {
        var ev = EVIDENCE[ref];
        if (!ev) { return; }
        wrap.appendChild(sourceBlock(ev));
        if (ev.doc !== undefined) { quoted[ev.doc] = true; }
      });
      (docs || []).forEach(function (doc) {
        if (!quoted[doc]) { wrap.appendChild(sourceBlock(null, doc)); }
      });
      return wrap.childNodes.length ? wrap : null;
    }
    function valueNode(value) {
      if (value.curie !== undefined) {
        return el("span", { title: value.curie, text: term(value.curie) });
      }
      var text = value.text;
      if (value.datatype === "xsd:boolean") { text = text === "true" ? t("yes") : t("no"); }
      if (value.datatype === "xsd:anyURI" && safeUrl(text)) {
        return el("a", { href: safeUrl(text), target: "_blank", rel: "noopener noreferrer", text: text });
      }
      var span = el("span", { text: text });
      if (value.lang) { span.appendChild(el("span", { class: "lang-tag", text: value.lang })); }
      return span;
    }
    function visibleValues(values) {
      var tagged = values.filter(function (v) { return v.lang; });
      var mine = tagged.filter(function (v) { return v.lang.toLowerCase().indexOf(lang) === 0; });
      if (!mine.length) { return values; }
      return values.filter(function (v) { return !v.lang || v.lang.toLowerCase().indexOf(lang) === 0; });
    }
    function section(title, content) {
      if (!content) { return null; }
      var box = el("section", null, el("h3", { text: title }));
      box.appendChild(content);
      return box;
    }
    /* The measure of an observation or target: what is not in d.measure is its property's value. */
    var MEASURE_PROPERTIES = { value: "schema:value", unit: "schema:unitCode", unitText: "schema:unitText",
      qualifier: "aikg:valueQualifier", period: "sdmx-dimension:refPeriod", area: "sdmx-dimension:refArea" };
    function measureOf(d) {
      if (!d.measure || d.measure.filled) { return d.measure; }
      var m = d.measure;
      Object.keys(MEASURE_PROPERTIES).forEach(function (key) {
        var values = d.props[MEASURE_PROPERTIES[key]];
        if (m[key] !== undefined || !values || values.length !== 1) { return; }
        var v = values[0];
        m[key] = v.curie === undefined ? v.text : key === "period" ? terms[v.curie] || v.curie : v.curie;
      });
      m.filled = true;
      return m;
    }
    function measureBox(m) {
      var box = el("div", { class: "measure" });
      box.appendChild(el("div", { class: "stated", text: pick(m.stated) }));
      var dl = el("dl", { class: "kv" });
      function row(key, value) {
        if (!value) { return; }
        dl.appendChild(el("dt", { text: t(key) }));
        dl.appendChild(el("dd", { text: value }));
      }
      row("value", m.value);
      row("unit", m.unit ? term(m.unit) : "");
      row("unitText", m.unitText);
      row("qualifier", m.qualifier ? term(m.qualifier) : "");
      row("period", m.period ? pick(m.period) + (m.periodCode ? " (" + m.periodCode + ")" : "") : "");
      row("area", m.area ? term(m.area) : "");
      box.appendChild(dl);
      return box;
    }
    /* --- the series chart of a variable ------------------------------------------------------
     * An inline SVG built here with createElementNS; every text is a text node. One chart per
     * unit of the variable, one line and colour per series (area and breakdown), one mark per
     * observation: several sources of one point sit side by side. A click on a mark shows its
     * source under the chart. Periods with no place on a time axis are listed under it. */
    var SVG_NS = "http://www.w3.org/2000/svg";
    var SERIES_COLORS = ["#1f5fbf", "#d62728", "#2ca02c", "#9467bd", "#e6550d", "#8c564b", "#17becf", "#7f7f7f"];
    var CHART = { w: 360, h: 200, left: 50, right: 14, top: 24, bottom: 30 };
    var seriesByObs = null;  /* observation -> its variable, built when first needed */
    function svgEl(tag, attrs, text) {
      var node = document.createElementNS(SVG_NS, tag);
      Object.keys(attrs || {}).forEach(function (key) {
        if (attrs[key] !== null && attrs[key] !== undefined) { node.setAttribute(key, String(attrs[key])); }
      });
      if (text !== undefined && text !== null) { node.textContent = text; }
      return node;
    }
    function dayNumber(iso) {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
      return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 864e5 : NaN;
    }
    function niceStep(span) {
      var raw = span / 4;
      var mag = Math.pow(10, Math.floor(Math.log10(raw)));
      var n = raw / mag;
      return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
    }
    function trimNumber(v) { return String(Number(v.toPrecision(6))); }
    function tickText(v, unit) {
      if (unit === "unit:PERCENT") { return trimNumber(v) + "%"; }
      var a = Math.abs(v);
      var steps = lang === "zh" ? [[1e12, "万亿"], [1e8, "亿"], [1e4, "万"]]
        : [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "k"]];
      for (var i = 0; i < steps.length; i++) {
        if (a >= steps[i][0]) { return trimNumber(v / steps[i][0]) + steps[i][1]; }
      }
      return trimNumber(v);
    }
    /* About how wide (viewBox units) a text of the given font size is drawn. */
    function textWidth(text, size) {
      var w = 0;
      for (var i = 0; i < text.length; i++) { w += text.charCodeAt(i) > 0x2E80 ? size : size * 0.58; }
      return w;
    }
    function seriesLabel(s, chart) {
      var areas = {};
      chart.series.forEach(function (o) { areas[o.area ? o.area.en : ""] = true; });
      var parts = Object.keys(areas).length > 1 && s.area ? [pick(s.area)] : [];
      s.breakdown.forEach(function (b) { parts.push(pick(b.v)); });
      return parts.join(" · ") || t("overall");
    }
    function pointSources(p) {
      return (p.docs || []).map(function (key) {
        var doc = sources[key];
        if (!doc) { return ""; }
        return [doc.publisher ? pick(doc.publisher) : doc.title, doc.date || t("dateUnknown")].join(" ");
      }).filter(Boolean).join("; ");
    }
    function pointText(p) {
      return [pick(p.stated), pick(p.periodText) || p.period, pointSources(p)].filter(Boolean).join(" · ");
    }
    /* A variable's series, each point of a drawn observation filled in from its details. */
    function seriesInfo(varId) {
      var info = DATA.series && Object.prototype.hasOwnProperty.call(DATA.series, varId) ? DATA.series[varId] : null;
      if (info && !info.filled) {
        info.filled = true;
        info.charts.forEach(function (c) {
          c.series.forEach(function (s) { s.points.concat(s.unplaced).forEach(fillPoint); });
        });
      }
      return info;
    }
    function fillPoint(p) {
      var d = details[p.obs];
      if (!d || p.name) { return; }
      var m = measureOf(d) || {};
      p.name = d.name;
      p.stated = m.stated;
      p.qualifier = m.qualifier;
      p.ev = d.ev;
      p.docs = d.docs;
    }
    function seriesSection(id, d) {
      var varId = id;
      var selected = null;
      if (d.measure) {
        if (!seriesByObs) {
          seriesByObs = {};
          Object.keys(DATA.series || {}).forEach(function (v) {
            DATA.series[v].charts.forEach(function (c) {
              c.series.forEach(function (s) {
                s.points.concat(s.unplaced).forEach(function (p) { seriesByObs[p.obs] = v; });
              });
            });
          });
        }
        varId = seriesByObs[id];
        selected = id;
      }
      var info = varId ? seriesInfo(varId) : null;
      if (!info) { return null; }
      var box = el("div", { class: "series", "data-variable": varId });
      var detail = el("div", { class: "series-detail" }, el("p", { class: "empty-note", text: t("pointHint") }));
      var marks = [];
      function show(p, s, chart) {
        marks.forEach(function (m) {
          var on = m.obs === p.obs;
          m.node.classList.toggle("on", on);
          m.node.setAttribute("aria-pressed", on ? "true" : "false");
        });
        detail.textContent = "";
        detail.setAttribute("data-obs", p.obs);
        var head = el("div", { class: "pt-head" }, el("strong", { text: pick(p.stated) }),
          " · " + (pick(p.periodText) || p.period) + (p.period && p.period !== pick(p.periodText) ? " (" + p.period + ")" : ""));
        if (chart.series.length > 1) { head.appendChild(document.createTextNode(" · " + seriesLabel(s, chart))); }
        detail.appendChild(head);
        detail.appendChild(el("div", { class: "pt-obs" },
          details[p.obs] ? nodeLink(p.obs) : el("span", { text: pick(p.name) })));
        var facts = factSources(p.ev, p.docs);
        /* a neighbourhood's page holds the evidence of what it draws: another point's quote is
         * on the observation's own page */
        var elsewhere = DATA.unquoted && !details[p.obs];
        if (facts || !elsewhere) {
          detail.appendChild(facts || el("p", { class: "empty-note", text: t("noSource") }));
        }
        if (elsewhere) {
          detail.appendChild(el("p", { class: "note quote-elsewhere" }, t("quoteElsewhere"),
            el("code", { text: "aikg view --focus " + p.obs })));
        }
      }
      if (d.measure) {
        box.appendChild(el("p", { class: "series-of" }, t("seriesOf") + (lang === "zh" ? "：" : ": "), nodeLink(varId)));
      }
      info.charts.forEach(function (chart) {
        box.appendChild(chartNode(chart, marks, show));
      });
      box.appendChild(detail);
      if (selected) {
        info.charts.forEach(function (chart) {
          chart.series.forEach(function (s) {
            s.points.concat(s.unplaced).forEach(function (p) { if (p.obs === selected) { show(p, s, chart); } });
          });
        });
      }
      return section(t("series") + " (" + info.count + ")", box);
    }
    function chartNode(chart, marks, show) {
      var wrap = el("div", { class: "series-chart" });
      var plotted = [];
      var unplaced = [];
      chart.series.forEach(function (s, i) {
        s.points.forEach(function (p) { plotted.push({ p: p, s: s, i: i, day: dayNumber(p.x) }); });
        s.unplaced.forEach(function (p) { unplaced.push({ p: p, s: s, i: i }); });
      });
      var areas = {};
      chart.series.forEach(function (s) { areas[s.area ? pick(s.area) : ""] = true; });
      var caption = Object.keys(areas).length === 1 && Object.keys(areas)[0] ? [Object.keys(areas)[0]] : [];
      if (chart.unitLabel && chart.unit !== "unit:NUM") { caption.push(t("unit") + (lang === "zh" ? "：" : ": ") + pick(chart.unitLabel)); }
      wrap.appendChild(el("div", { class: "series-caption", text: caption.join(" · ") }));
      if (plotted.length) {
        wrap.appendChild(plot(chart, plotted, marks, show));
      }
      if (chart.series.length > 1) {
        var legend = el("ul", { class: "series-legend" });
        chart.series.forEach(function (s, i) {
          var swatch = el("span", { class: "series-swatch" });
          swatch.style.background = SERIES_COLORS[i % SERIES_COLORS.length];
          legend.appendChild(el("li", null, swatch, seriesLabel(s, chart)));
        });
        wrap.appendChild(legend);
      }
      var qualified = plotted.some(function (q) { return q.p.qualifier; });
      var estimated = plotted.some(function (q) { return q.p.estimated; });
      if (qualified || estimated) {
        var keys = el("div", { class: "series-keys" });
        if (qualified) { keys.appendChild(el("span", { text: "○ " + t("qualifiedKey") })); }
        if (estimated) { keys.appendChild(el("span", { text: "◌ " + t("estimatedKey") })); }
        wrap.appendChild(keys);
      }
      if (unplaced.length) {
        var list = el("ul", { class: "series-unplaced" });
        unplaced.forEach(function (q) {
          var item = el("button", { type: "button", class: "pt-item", "data-obs": q.p.obs,
            text: [pick(q.p.periodText) || q.p.period || "?", pick(q.p.stated),
              chart.series.length > 1 ? seriesLabel(q.s, chart) : "", pointSources(q.p)].filter(Boolean).join(" · ") });
          item.addEventListener("click", function () { show(q.p, q.s, chart); });
          marks.push({ obs: q.p.obs, node: item });
          list.appendChild(el("li", null, item));
        });
        wrap.appendChild(el("div", { class: "series-unplaced-head", text: t("unplaced") }));
        wrap.appendChild(list);
      }
      return wrap;
    }
    function plot(chart, plotted, marks, show) {
      var C = CHART;
      var x0 = C.left, x1 = C.w - C.right, y0 = C.h - C.bottom, y1 = C.top;
      var days = plotted.map(function (q) { return q.day; });
      var dMin = Math.min.apply(null, days), dMax = Math.max.apply(null, days);
      var pad = dMax > dMin ? (dMax - dMin) * 0.14 : 183;
      dMin -= pad; dMax += pad;
      var values = plotted.map(function (q) { return q.p.y; });
      var lo = Math.min(0, Math.min.apply(null, values)), hi = Math.max(0, Math.max.apply(null, values));
      if (hi === lo) { hi = lo + 1; }
      var step = niceStep(hi - lo);
      lo = Math.floor(lo / step) * step;
      hi = Math.ceil(hi / step) * step;
      function X(day) { return x0 + (day - dMin) / (dMax - dMin) * (x1 - x0); }
      function Y(v) { return y0 - (v - lo) / (hi - lo) * (y0 - y1); }
      var svg = svgEl("svg", { viewBox: "0 0 " + C.w + " " + C.h, role: "group", class: "chart",
        "aria-label": t("series") });
      var grid = svgEl("g", { class: "grid" });
      for (var v = lo, n = 0; v <= hi + step / 2 && n < 20; v += step, n++) {
        var y = Y(v);
        grid.appendChild(svgEl("line", { x1: x0, x2: x1, y1: y, y2: y, stroke: v === 0 ? "#9aa5b1" : "#e3e6ea" }));
        grid.appendChild(svgEl("text", { x: x0 - 5, y: y + 3.5, "text-anchor": "end", class: "tick" },
          tickText(Math.abs(v) < step / 1e6 ? 0 : v, chart.unit)));
      }
      /* the periods of the points on the time axis, left to right, none overlapping */
      var ticks = {};
      plotted.forEach(function (q) { if (!ticks[q.p.x]) { ticks[q.p.x] = pick(q.p.periodText) || q.p.x; } });
      var lastRight = -Infinity;
      Object.keys(ticks).sort().forEach(function (iso) {
        var x = X(dayNumber(iso));
        var text = ticks[iso];
        var w = textWidth(text, 10);
        var left = Math.max(2, Math.min(x - w / 2, C.w - 2 - w));
        grid.appendChild(svgEl("line", { x1: x, x2: x, y1: y0, y2: y0 + 4, stroke: "#9aa5b1" }));
        if (left < lastRight + 6) { return; }
        grid.appendChild(svgEl("text", { x: left, y: y0 + 16, class: "tick" }, text));
        lastRight = left + w;
      });
      svg.appendChild(grid);
      /* the marks: several at one date (sources, series) sit side by side */
      var groups = {};
      plotted.forEach(function (q) { (groups[q.p.x] = groups[q.p.x] || []).push(q); });
      var labels = [];
      Object.keys(groups).sort().forEach(function (key) {
        var group = groups[key];
        group.forEach(function (q, k) {
          q.cx = X(q.day) + (k - (group.length - 1) / 2) * 10;
          q.cy = Y(q.p.y);
        });
        var seen = {};
        group.forEach(function (q) {
          var text = pick(q.p.stated);
          if (seen[text]) { seen[text].xs.push(q.cx); return; }
          seen[text] = { text: text, xs: [q.cx], y: q.cy };
          labels.push(seen[text]);
        });
      });
      /* one line per series through its marks at each date (their mean) */
      chart.series.forEach(function (s, i) {
        var at = {};
        plotted.forEach(function (q) {
          if (q.s === s) { (at[q.p.x] = at[q.p.x] || []).push(q); }
        });
        var xs = Object.keys(at).sort();
        if (xs.length < 2) { return; }
        var path = xs.map(function (iso, k) {
          var mean = function (key) {
            return at[iso].reduce(function (a, q) { return a + q[key]; }, 0) / at[iso].length;
          };
          return (k ? "L" : "M") + mean("cx").toFixed(1) + " " + mean("cy").toFixed(1);
        }).join(" ");
        svg.appendChild(svgEl("path", { d: path, fill: "none", stroke: SERIES_COLORS[i % SERIES_COLORS.length],
          "stroke-width": 1.6, "stroke-opacity": 0.55 }));
      });
      /* each label above its marks, else beside or below them, never over another label or mark */
      var taken = plotted.map(function (q) {
        return { left: q.cx - 5, right: q.cx + 5, top: q.cy - 5, bottom: q.cy + 5 };
      });
      labels.sort(function (a, b) { return a.y - b.y; }).forEach(function (lab) {
        var cx = lab.xs.reduce(function (a, b) { return a + b; }, 0) / lab.xs.length;
        var w = textWidth(lab.text, 10.5);
        var half = (Math.max.apply(null, lab.xs) - Math.min.apply(null, lab.xs)) / 2 + 7;
        var candidates = [[cx - w / 2, lab.y - 8], [cx + half, lab.y + 4], [cx - half - w, lab.y + 4],
          [cx - w / 2, lab.y + 17]];
        for (var c = 0; c < candidates.length; c++) {
          var box = { left: Math.max(1, Math.min(candidates[c][0], C.w - 1 - w)), top: candidates[c][1] - 9,
            bottom: candidates[c][1] + 2 };
          box.right = box.left + w;
          var clash = box.top < 0 || box.bottom > y0 || taken.some(function (b) {
            return box.left < b.right + 2 && b.left < box.right + 2 && box.top < b.bottom && b.top < box.bottom;
          });
          if (!clash) {
            taken.push(box);
            svg.appendChild(svgEl("text", { x: box.left.toFixed(1), y: (box.bottom - 2).toFixed(1), class: "pt-label" },
              lab.text));
            return;
          }
        }
      });
      /* a mark's click target reaches halfway to its nearest neighbour (at most 7 px), so
         crowded marks each stay clickable */
      function hitRadius(q) {
        var near = plotted.reduce(function (d, o) {
          return o === q ? d : Math.min(d, Math.hypot(o.cx - q.cx, o.cy - q.cy));
        }, Infinity);
        return Math.max(2.5, Math.min(7, near / 2));
      }
      plotted.forEach(function (q) {
        var color = SERIES_COLORS[q.i % SERIES_COLORS.length];
        var g = svgEl("g", { class: "pt", "data-obs": q.p.obs, tabindex: 0, role: "button",
          "aria-pressed": "false", "aria-label": pointText(q.p) });
        g.appendChild(svgEl("title", null, pointText(q.p)));
        g.appendChild(svgEl("circle", { cx: q.cx.toFixed(1), cy: q.cy.toFixed(1), r: hitRadius(q).toFixed(1),
          class: "hit" }));
        g.appendChild(svgEl("circle", { cx: q.cx.toFixed(1), cy: q.cy.toFixed(1), r: 4.2, class: "mark",
          fill: q.p.qualifier ? "#fff" : color, stroke: color, "stroke-width": q.p.qualifier ? 2 : 1,
          "stroke-dasharray": q.p.estimated ? "2 1.6" : null }));
        g.addEventListener("click", function () { show(q.p, q.s, chart); });
        g.addEventListener("keydown", function (ev) {
          if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); show(q.p, q.s, chart); }
        });
        marks.push({ obs: q.p.obs, node: g });
        svg.appendChild(g);
      });
      return svg;
    }
    function propsList(d) {
      var names = Object.keys(d.props);
      if (!names.length) { return null; }
      var dl = el("dl", { class: "kv" });
      names.forEach(function (p) {
        dl.appendChild(el("dt", { title: p, text: pick(propertyNames[p]) || p }));
        var dd = el("dd");
        visibleValues(d.props[p]).forEach(function (v) {
          var line = el("div", null, valueNode(v));
          var facts = (v.ev && v.ev.length) || (v.docs && v.docs.length) ? factSources(v.ev, v.docs) : null;
          if (facts) {
            var more = el("details", null, el("summary", { text: t("evidence") }));
            more.appendChild(facts);
            line.appendChild(more);
          }
          dd.appendChild(line);
        });
        dl.appendChild(dd);
      });
      return dl;
    }
    function relationItem(edgeId, fromId) {
      var e = edgeInfo(edgeId);
      var info = e;
      var outgoing = e.from === fromId;
      var li = el("li", null,
        el("span", { class: "rel-prop", title: info.p, text: outgoing ? pick(info.l) + " →" : "← " + pick(info.l) }),
        nodeLink(outgoing ? e.to : e.from));
      (info.notes || []).forEach(function (n) {
        if (n.lang && n.lang.toLowerCase().indexOf(lang) !== 0) { return; }
        li.appendChild(el("div", { class: "note", text: (pick(propertyNames[n.p]) || n.p) + ": " + n.text }));
      });
      var facts = factSources(info.ev, info.docs);
      if (facts) {
        var more = el("details", null, el("summary", { text: t("evidence") }));
        more.appendChild(facts);
        li.appendChild(more);
      }
      return li;
    }
    /* Emptied, the panel scrolls to its top at no cost; scrolled once filled, the browser would
     * have to lay out the whole panel there and then. */
    function clearPanel() {
      body.textContent = "";
      panel.scrollTop = 0;
    }
    function showNode(id) {
      var d = details[id];
      if (!d) { return; }
      current = { kind: "node", id: id };
      clearPanel();
      var cls = classStyle[d.cls];
      body.appendChild(el("h2", { id: "panel-title", text: pick(d.name) }));
      if (other(d.name)) { body.appendChild(el("p", { class: "other", text: other(d.name) })); }
      var chips = el("div");
      d.classes.forEach(function (c) {
        var chip = el("span", { class: "chip", text: classStyle[c] ? pick(classStyle[c].label) : c, title: c });
        chip.style.background = classStyle[c] ? classStyle[c].color : "#777";
        chips.appendChild(chip);
      });
      body.appendChild(chips);
      if (d.aliases.length) {
        body.appendChild(el("p", { class: "aliases", text: t("aliases") + ": " + d.aliases.join(" · ") }));
      }
      var permalink = el("a", { href: "#" + encodeURI(id), class: "node-link", text: t("copyLink") });
      body.appendChild(el("p", { class: "iri" }, el("code", { text: d.curie }), " · ",
        (lang === "zh" ? t("degree") + " " + d.degree : d.degree + " " + t("degree")) + " · ", permalink));
      if (d.measure) { body.appendChild(measureBox(measureOf(d))); }
      var chartSection = seriesSection(id, d);
      if (chartSection) { body.appendChild(chartSection); }

      var rels = el("ul", { class: "rels" });
      var obs = el("div");
      var prov = el("ul", { class: "rels" });
      var provCount = 0;
      edgesOf(id).forEach(function (edgeId) {
        var e = edgeInfo(edgeId);
        var info = e;
        var otherId = e.from === id ? e.to : e.from;
        if (info.prov) { prov.appendChild(relationItem(edgeId, id)); provCount++; return; }
        if (!d.measure && MEASURED[details[otherId].cls] && e.to === id) {
          var od = details[otherId];
          var card = el("div", { class: "card" },
            el("div", { class: "card-title" }, nodeLink(otherId)),
            el("div", { class: "note", text: pick(od.label) + " — " + pick(info.l) }));
          var facts = factSources(od.ev, od.docs);
          if (facts) { card.appendChild(facts); }
          obs.appendChild(card);
          return;
        }
        rels.appendChild(relationItem(edgeId, id));
      });
      if (obs.childNodes.length) { body.appendChild(section(t("observations"), obs)); }
      var facts = factSources(d.ev, d.docs);
      body.appendChild(section(t("sources"), facts || el("p", { class: "empty-note", text: t("noSource") })));
      if (rels.childNodes.length) { body.appendChild(section(t("relationsHead"), rels)); }
      if (Object.prototype.hasOwnProperty.call(FOLDED, id)) { body.appendChild(foldedSection(id, d)); }
      var props = section(t("properties"), propsList(d));
      if (props) { body.appendChild(props); }
      if (provCount) {
        var more = el("details", null, el("summary", { text: t("sourceLinksN") + " (" + provCount + ")" }));
        more.appendChild(prov);
        body.appendChild(more);
      }
      panel.hidden = false;
    }
    /* The relations of a node of which the page leaves some entities out, and the command
     * that draws them all. */
    function foldedSection(id, d) {
      var list = el("ul", { class: "rels folded" });
      FOLDED[id].forEach(function (f) {
        var counts = t("drewOf").replace("{drawn}", f.drawn).replace("{total}", f.total);
        list.appendChild(el("li", null, (f["in"] ? "← " : "→ "),
          el("span", { class: "rel-name", title: f.p, text: pick(f.l) || f.p }), ": " + counts));
      });
      var box = section(t("notDrawn"), list);
      box.appendChild(el("p", { class: "note" }, t("drawAll"),
        el("code", { text: "aikg view --focus " + d.curie + " --max-neighbours 0" })));
      return box;
    }
    function showEdge(edgeId) {
      var e = edgeInfo(edgeId);
      var info = e;
      if (!e) { return; }
      current = { kind: "edge", id: edgeId };
      clearPanel();
      body.appendChild(el("h2", { id: "panel-title", text: pick(info.l) }));
      body.appendChild(el("p", { class: "iri" }, el("code", { text: info.p })));
      body.appendChild(el("p", null, nodeLink(e.from), " → ", el("strong", { text: pick(info.l) }), " → ", nodeLink(e.to)));
      (info.notes || []).forEach(function (n) {
        if (n.lang && n.lang.toLowerCase().indexOf(lang) !== 0) { return; }
        body.appendChild(el("div", { class: "note", text: (pick(propertyNames[n.p]) || n.p) + ": " + n.text }));
      });
      var facts = factSources(info.ev, info.docs);
      body.appendChild(section(t("sources"), facts || el("p", { class: "empty-note", text: t("noSource") })));
      panel.hidden = false;
    }
    function hidePanel() {
      panel.hidden = true;
      current = null;
      nameEdges([]);
    }
    document.getElementById("close-panel").addEventListener("click", function () {
      network.unselectAll();
      hidePanel();
      if (location.hash) { history.replaceState(null, "", location.pathname + location.search); }
    });

    /* --- selection and deep links ----------------------------------------------------------- */
    /* When the current zoom-to-node animation ends (a new one replaces an unfinished one). */
    var FOCUS_MS = 450;
    var animationEnd = 0;
    function animating() { return performance.now() < animationEnd; }
    function giveLabels(ids) {
      var updates = [];
      ids.forEach(function (id) {
        if (!labelled[id]) { labelled[id] = true; updates.push({ id: id, label: nodeLabel(id) }); }
      });
      if (updates.length) { nodes.update(updates); }
    }
    /* Labels for the nodes in view (and a margin around it) once labels are drawn at all. */
    function labelInView() {
      if (!DATA.labelsInView || network.getScale() < LABEL_SCALE) { return; }
      var margin = 200;
      var a = network.DOMtoCanvas({ x: -margin, y: -margin });
      var b = network.DOMtoCanvas({ x: container.clientWidth + margin, y: container.clientHeight + margin });
      var at = network.getPositions();
      giveLabels(Object.keys(at).filter(function (id) {
        var p = at[id];
        return !labelled[id] && p.x >= a.x && p.x <= b.x && p.y >= a.y && p.y <= b.y;
      }));
    }
    var labelTimer = null;
    function labelSoon() {
      clearTimeout(labelTimer);
      labelTimer = setTimeout(labelInView, 120);
    }
    if (DATA.labelsInView) {
      ["zoom", "dragEnd", "animationFinished", "resize"].forEach(function (name) { network.on(name, labelSoon); });
    }
    function selectNode(id, how) {
      how = how || {};
      var d = details[id];
      if (!d) { return false; }
      if (!shown[d.cls]) { setClass(d.cls, true); }
      if (inPlace !== null && !inPlace[id]) { placeSelect.value = ""; applyPlace(); }
      network.selectNodes([id], true);
      if (DATA.labelsInView) { giveLabels([id]); }  // the chosen node is named at once, at any zoom
      var connected = network.getConnectedEdges(id);
      nameEdges(connected.length <= MAX_NAMED ? connected : []);
      if (how.focus) {
        network.focus(id, { scale: Math.max(network.getScale(), 1.1),
          animation: how.instant ? false : { duration: FOCUS_MS, easingFunction: "easeInOutQuad" } });
        animationEnd = how.instant ? 0 : performance.now() + FOCUS_MS + 80;
        if (how.instant) { labelInView(); }
      }
      showNode(id);
      if (how.hash) { history.replaceState(null, "", "#" + encodeURI(id)); }
      return true;
    }
    function expandName(name) {
      var m = /^([A-Za-z][\w.-]*):(.*)$/.exec(name);
      if (m && DATA.prefixes[m[1]] !== undefined && !/^\/\//.test(m[2])) { return DATA.prefixes[m[1]] + m[2]; }
      return name;
    }
    function fromHash() {
      var raw = location.hash.slice(1);
      if (!raw) { return false; }
      var name;
      try { name = decodeURIComponent(raw); } catch (e) { name = raw; }
      var id = details[name] ? name : expandName(name);
      if (details[id]) { return selectNode(id, { focus: true, instant: true }); }
      notice(t("unknownNode") + name);
      return false;
    }
    var noticeTimer = null;
    function notice(text) {
      var box = document.getElementById("notice");
      box.textContent = text;
      box.hidden = false;
      clearTimeout(noticeTimer);
      noticeTimer = setTimeout(function () { box.hidden = true; }, 6000);
    }
    window.addEventListener("hashchange", fromHash);

    network.on("click", function (params) {
      if (params.nodes.length) {
        selectNode(params.nodes[0], { hash: true });
      } else if (params.edges.length === 1) {
        nameEdges([params.edges[0]]);
        showEdge(params.edges[0]);
      } else {
        hidePanel();
      }
    });

    /* --- start ------------------------------------------------------------------------------ */
    applyLanguage();
    network.fit({ animation: false });
    labelInView();
    if (!fromHash() && DATA.select && details[DATA.select]) {
      selectNode(DATA.select, { focus: true, instant: true });
    }
    mark("selected");
    /* vis-network draws the network in the next animation frame (it asked for one when it got
     * its data): drawing it here too would draw 5,000 nodes twice. */
    network.once("afterDrawing", function () {
      mark("drawn");
      window.aikgReadyAt = performance.now();
      document.documentElement.dataset.ready = "true";
    });

    /* For tests and scripting: the network, its data, and a few helpers. */
    window.aikg = {
      network: network,
      nodes: nodes,
      edges: edges,
      details: details,
      select: function (id) { return selectNode(id, { focus: true, hash: true }); },
      search: search,
      isAnimating: animating,
      clientPosition: function (id) {
        var p = network.getPositions([id])[id];
        var dom = network.canvasToDOM(p);
        var rect = container.getBoundingClientRect();
        return { x: rect.left + dom.x, y: rect.top + dom.y };
      }
    };
  });
})();

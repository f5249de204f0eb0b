"""Where each node of the view is drawn: computed here with networkx, so the browser draws
the graph at once and it never moves by itself.

In: the entity network (:mod:`aikg.view.network`). Out: a position (px) for every node. Each
connected component is laid out on its own (a spring layout, spectral when large), spread
until no two nodes overlap with their labels, and the components are packed in rows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import networkx as nx

from aikg.namespaces import shorten
from aikg.view.network import CLASS_ORDER, relations

#: Distance (px) the layout aims at between neighbouring nodes.
SPACING = 150.0
#: Components up to this many entities get a spring layout; larger ones a spectral one.
SPRING_MAX = 1000
#: How far (px) below a node's shape its label reaches.
LABEL_HEIGHT = 26.0
#: The least room (px) left between two nodes' areas (shape and label).
LABEL_GAP = 16.0
#: Canvas labels longer than this are cut with an ellipsis (the panel shows them whole).
LABEL_CHARS = 26
#: While nodes still overlap, every this many rounds the component is spread out by
#: :data:`GROW` about its centre: in a dense part, a node pushed by many neighbours at once is
#: pushed both ways and stays (without this, 891 pairs overlapped in the bundled graph's
#: largest component after 500 rounds, 218 in a 438-node neighbourhood).
GROW_EVERY = 40
GROW = 1.1


def _component_layout(
    sub: nx.Graph, seed: int, boxes: dict[str, tuple[float, float, float]]
) -> dict[str, tuple[float, float]]:
    """One connected component: a spring layout (:func:`_spring`; spectral when large), then
    spread."""
    nodes = sorted(sub)
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    ordered: nx.Graph[str] = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in sub.edges()))
    if n == 2:  # one above the other: their labels, under each node, do not collide
        start = {nodes[0]: (0.0, 0.0), nodes[1]: (0.0, 1.0)}
        points = [start[node] for node in nodes]
    elif n <= SPRING_MAX:
        pos = _spring(ordered, seed, 100 if n < 500 else 50)
    else:  # Fruchterman-Reingold is quadratic: a spectral layout, spread below, is linear
        pos = nx.spectral_layout(ordered)
    if n > 2:
        scale = SPACING * math.sqrt(n) / 1.6
        points = [(pos[node][0] * scale, pos[node][1] * scale) for node in nodes]
    spread = _spread(points, [boxes[node] for node in nodes], 500 if n <= SPRING_MAX else 150)
    return dict(zip(nodes, spread, strict=True))


def _spring(graph: nx.Graph, seed: int, iterations: int) -> dict[str, Any]:
    """A spring layout: networkx's dense Fruchterman-Reingold, computed an axis at a time.

    The same start (``RandomState(seed)``), forces, step schedule, stop and scaling as
    ``nx.spring_layout(graph, seed=seed, iterations=iterations, method="force")`` below 500
    nodes (its sums in another order, so positions differ in their last bits and, after many
    steps, more). From 500 nodes networkx switches to an energy minimisation (L-BFGS; 6 s for
    the bundled graph's 930-node component) or a sparse loop in Python (8 s); this stays the
    dense form for the repulsion, up to :data:`SPRING_MAX` nodes (8 MB arrays; 0.5 s for those
    930 nodes), and sums the attraction over the relations alone.

    Example:
        >>> pos = _spring(nx.path_graph(["a", "b", "c"]), seed=7, iterations=50)
        >>> sorted(pos), all(abs(float(c)) <= 1 for xy in pos.values() for c in xy)
        (['a', 'b', 'c'], True)
    """
    import numpy as np

    nodes = list(graph)
    n = len(nodes)
    pos = np.random.RandomState(seed).rand(n, 2)
    k = math.sqrt(1.0 / n)
    place = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(place[u], place[v]) for u, v in graph.edges() if u != v], dtype=np.int64)
    ends = ends.reshape(-1, 2)
    a, b = np.concatenate([ends[:, 0], ends[:, 1]]), np.concatenate([ends[:, 1], ends[:, 0]])
    step = max(np.ptp(pos[:, 0]), np.ptp(pos[:, 1])) * 0.1
    cooling = step / (iterations + 1)
    # the n x n arrays of every round, made once: a new array of a few MB a step is a fresh
    # mapping of memory the system zeroes page by page (a third of the time of a 438-node
    # component); each operation below is the one it replaces, on the same numbers
    dx, dy, squared, other = (np.empty((n, n)) for _ in range(4))
    moved = np.empty((n, 2))
    for _ in range(iterations):
        # repulsion k²/d between every two nodes, along (dx, dy)/d: no square root needed
        np.subtract(pos[:, 0, None], pos[None, :, 0], out=dx)
        np.subtract(pos[:, 1, None], pos[None, :, 1], out=dy)
        np.multiply(dx, dx, out=squared)
        np.multiply(dy, dy, out=other)
        squared += other
        np.maximum(squared, 1e-4, out=squared)  # networkx: the distance at least 0.01
        push = np.divide(k * k, squared, out=squared)
        dx *= push
        dy *= push
        dx.sum(axis=1, out=moved[:, 0])
        dy.sum(axis=1, out=moved[:, 1])
        # attraction d²/k along each relation, both ways (networkx: the adjacency matrix)
        ex, ey = pos[a, 0] - pos[b, 0], pos[a, 1] - pos[b, 1]
        pull = np.maximum(np.hypot(ex, ey), 0.01) / k
        moved[:, 0] -= np.bincount(a, ex * pull, n)
        moved[:, 1] -= np.bincount(a, ey * pull, n)
        moved *= (step / np.clip(np.hypot(moved[:, 0], moved[:, 1]), 0.01, None))[:, None]
        pos += moved
        step -= cooling
        if np.linalg.norm(moved) / n < 1e-4:
            break
    pos -= pos.mean(axis=0)
    limit = np.abs(pos).max()
    if limit > 0:
        pos /= limit
    return dict(zip(nodes, pos, strict=True))


def _spread(
    points: Sequence[tuple[float, float]],
    boxes: Sequence[tuple[float, float, float]],
    rounds: int = 500,
) -> list[tuple[float, float]]:
    """Move nodes apart until no two overlap, each with its label (or ``rounds`` run out).

    ``boxes`` gives, per node, the half width and the top and bottom offsets of the area its
    shape and label cover. Two overlapping areas are pushed apart along the axis that needs
    the smaller move, half each; every :data:`GROW_EVERY` rounds that end with overlaps, the
    whole is spread out by :data:`GROW`.

    Example:
        >>> boxes = [(40.0, -15.0, 37.0)] * 4  # four nodes drawn on one point
        >>> points = _spread([(0.0, 0.0)] * 4, boxes)
        >>> len({(round(x), round(y)) for x, y in points})
        4
    """
    import numpy as np

    p = np.asarray(points, dtype=float)
    box = np.asarray(boxes, dtype=float)
    half, top, bottom = box[:, 0] + LABEL_GAP / 2, box[:, 1], box[:, 2]
    reach = np.array([2 * half.max(), float((bottom - top).max())])
    for round_ in range(rounds):
        if round_ and round_ % GROW_EVERY == 0:
            centre = p.mean(axis=0)
            p = centre + (p - centre) * GROW
        pairs = _near_pairs(p / reach, math.sqrt(2))
        if not len(pairs):
            break
        a, b = pairs[:, 0], pairs[:, 1]
        dx = p[b, 0] - p[a, 0]
        dy = p[b, 1] - p[a, 1]
        need_x = half[a] + half[b] - np.abs(dx)
        # b below a: a's bottom must clear b's top; b above a: b's bottom must clear a's top
        need_y = np.where(dy >= 0, bottom[a] - top[b] - dy, bottom[b] - top[a] + dy)
        hit = (need_x > 0) & (need_y > 0)
        if not hit.any():
            break
        a, b, dx, dy, need_x, need_y = (v[hit] for v in (a, b, dx, dy, need_x, need_y))
        along_y = need_y <= need_x
        sx = np.where(dx > 0, 1.0, np.where(dx < 0, -1.0, np.where(a % 2 == 0, 1.0, -1.0)))
        sy = np.where(dy > 0, 1.0, np.where(dy < 0, -1.0, np.where(b % 2 == 0, 1.0, -1.0)))
        move = np.zeros((len(a), 2))
        move[:, 0] = np.where(along_y, 0.0, sx * (need_x / 2 + 0.5))
        move[:, 1] = np.where(along_y, sy * (need_y / 2 + 0.5), 0.0)
        n = len(p)  # each node's moves summed (np.add.at, unbuffered, is many times slower)
        for axis in (0, 1):
            pushed = np.bincount(b, move[:, axis], n) - np.bincount(a, move[:, axis], n)
            p[:, axis] += pushed * 0.8
    return [(float(x), float(y)) for x, y in p]


#: Up to this many nodes, the pairs near each other are found by comparing every pair (numpy);
#: up to :data:`GRID_MAX`, among the nodes of neighbouring cells of a grid (numpy); above, with
#: a k-d tree (scipy: three times faster a round than the grid, but its import alone, 0.4 s,
#: takes longer than the spread of a component of a thousand nodes). A larger component had a
#: spectral layout, which imported most of scipy already (the tree's import is then 0.08 s; the
#: spread of the 1M graph's hub page, 1,786 nodes, took 1.38 s on the grid, 0.62 s with the tree).
PAIRWISE_MAX = 400
GRID_MAX = SPRING_MAX


def _near_pairs(points: Any, radius: float) -> Any:
    """The pairs ``(i, j)``, ``i < j``, of ``points`` (an n x 2 array) at most ``radius``
    apart: in the order of ``i`` then ``j`` when compared pairwise, in the grid's or the
    tree's order above (each order is the same from run to run, and so is the layout).

    Example:
        >>> import numpy as np
        >>> _near_pairs(np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 0.0], [0.0, 1.0]]), 1.0).tolist()
        [[0, 1], [0, 3]]
    """
    import numpy as np

    if len(points) <= PAIRWISE_MAX:
        i, j = np.triu_indices(len(points), 1)
        near = np.hypot(*(points[i] - points[j]).T) <= radius
        return np.stack([i[near], j[near]], axis=1)
    if len(points) <= GRID_MAX:
        return _grid_pairs(points, radius)
    from scipy.spatial import cKDTree

    return cKDTree(points).query_pairs(radius, output_type="ndarray")


def _grid_pairs(points: Any, radius: float) -> Any:
    """:func:`_near_pairs` on a grid of cells ``radius`` wide: a node is compared with the
    nodes after it in its own cell and with those of the next four cells (right and up), so
    each pair once, in the order of the cells.

    Example:
        >>> import numpy as np
        >>> _grid_pairs(np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 0.0], [0.0, 1.0]]), 1.0).tolist()
        [[0, 3], [0, 1]]
    """
    import numpy as np

    n = len(points)
    cell = np.floor(points / radius).astype(np.int64)
    cell -= cell.min(axis=0)
    height = int(cell[:, 1].max()) + 3  # a row of cells, with an empty one either side
    key = cell[:, 0] * height + cell[:, 1]
    order = np.argsort(key, kind="stable")
    ranked = key[order]
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    # the five cells, one after the other (its own first), each for every node: one search
    # for them all (a round of the spread calls this; numpy's cost is in the calls)
    shifts = np.array([dx * height + dy for dx, dy in ((0, 0), (0, 1), (1, -1), (1, 0), (1, 1))])
    target = (key[None, :] + shifts[:, None]).ravel()
    lo = np.searchsorted(ranked, target, "left")
    hi = np.searchsorted(ranked, target, "right")
    lo[:n] = np.maximum(lo[:n], rank + 1)  # its own cell: the nodes after it
    counts = np.maximum(hi - lo, 0)
    total = int(counts.sum())
    if not total:
        return np.empty((0, 2), dtype=np.int64)
    starts = np.repeat(lo - (np.cumsum(counts) - counts), counts)
    a = np.repeat(np.tile(np.arange(n), len(shifts)), counts)
    b = order[starts + np.arange(total)]
    near = np.hypot(points[a, 0] - points[b, 0], points[a, 1] - points[b, 1]) <= radius
    a, b = a[near], b[near]
    return np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1)


def relation_degree(net: nx.MultiDiGraph, provenance: bool = False) -> dict[str, int]:
    """How many other entities each entity is related to, either way (a relation to itself
    counts two): its degree in the simple undirected graph of :func:`relations`, counted
    without building that graph (its views test every edge through a filter).

    Example:
        >>> net = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "a")])
        >>> _ = net.add_edge("c", "a", provenance=True)
        >>> relation_degree(net)
        {'a': 3, 'b': 1, 'c': 0}
    """
    near: dict[str, set[str]] = {node: set() for node in net}
    for u, v, source_link in net.edges(data="provenance", default=False):
        if provenance or not source_link:
            near[u].add(v)
            near[v].add(u)
    return {node: len(found) + (node in found) for node, found in near.items()}


def node_sizes(net: nx.MultiDiGraph, provenance: bool = False) -> dict[str, float]:
    """Node size (px) by number of relations: 11 for none, up to 30 for the most connected."""
    degree = relation_degree(net, provenance)
    top = max(degree.values(), default=0) or 1
    return {n: round(11 + 19 * math.sqrt(degree.get(n, 0) / top), 1) for n in net.nodes}


def _label_width(text: str) -> float:
    """About how wide (px) a canvas label is drawn: CJK characters twice as wide as Latin."""
    shown = cut(text)
    return sum(15.0 if ord(ch) > 0x2E80 else 8.0 for ch in shown)


def label_boxes(
    net: nx.MultiDiGraph, sizes: dict[str, float], lang: str = "zh"
) -> dict[str, tuple[float, float, float]]:
    """The area each node's shape and label cover, about its position: half its width, and
    the offsets (px) of its top and bottom. No two of them overlap in :func:`layout`."""
    boxes: dict[str, tuple[float, float, float]] = {}
    for node, data in net.nodes(data=True):
        size = sizes.get(node, 11.0)
        width = _label_width(str(data.get(f"label_{lang}", "")))
        boxes[node] = (max(width, 2 * size) / 2, -size - 4, size + LABEL_HEIGHT)
    return boxes


def layout(
    net: nx.MultiDiGraph,
    provenance: bool = False,
    seed: int = 7,
    lang: str = "zh",
    sizes: dict[str, float] | None = None,
) -> dict[str, tuple[float, float]]:
    """Positions (px) for every node: components laid out apart, then packed in rows.

    No two nodes overlap, labels included. Entities without relations are set in rows,
    grouped by class. The same graph always gets the same positions.
    """
    sizes = sizes or node_sizes(net, provenance)
    boxes = label_boxes(net, sizes, lang)
    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(net.nodes)
    simple.add_edges_from((u, v) for u, v in relations(net, provenance).edges() if u != v)
    components = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    blocks: list[dict[str, tuple[float, float]]] = []
    singles = [c[0] for c in components if len(c) == 1]
    for component in components:
        if len(component) > 1:
            blocks.append(_component_layout(simple.subgraph(component), seed, boxes))
    if singles:
        singles.sort(key=lambda n: (class_rank(net.nodes[n].get("cls", "")), n))
        total = sum(2 * boxes[n][0] + LABEL_GAP for n in singles)
        row_height = max(boxes[n][2] - boxes[n][1] for n in singles) + LABEL_GAP / 2
        row_width = max(600.0, math.sqrt(total * row_height) * 1.6)
        grid: dict[str, tuple[float, float]] = {}
        x = y = 0.0
        for node in singles:
            width = 2 * boxes[node][0] + LABEL_GAP
            if x > 0 and x + width > row_width:
                x, y = 0.0, y + row_height
            grid[node] = (x + width / 2, y)
            x += width
        blocks.append(grid)
    return _pack(blocks, boxes)


def class_rank(curie: str) -> int:
    order = [shorten(str(c)) for c in CLASS_ORDER]
    return order.index(curie) if curie in order else len(order)


def _pack(
    blocks: list[dict[str, tuple[float, float]]], boxes: dict[str, tuple[float, float, float]]
) -> dict[str, tuple[float, float]]:
    """Shelf-pack the blocks' extents in rows about as wide as the whole is tall."""
    extents = []
    for block in blocks:
        left = min(x - boxes[n][0] for n, (x, _) in block.items())
        right = max(x + boxes[n][0] for n, (x, _) in block.items())
        top = min(y + boxes[n][1] for n, (_, y) in block.items())
        bottom = max(y + boxes[n][2] for n, (_, y) in block.items())
        extents.append((left, top, right - left, bottom - top, block))
    margin = SPACING * 0.4
    area = sum((w + margin) * (h + margin) for _, _, w, h, _ in extents)
    widest = max((w for _, _, w, _, _ in extents), default=0.0)
    row_width = max(widest, math.sqrt(area) * 1.5)
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for left, top, w, h, block in extents:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + margin, 0.0
        for node, (px, py) in block.items():
            out[node] = (round(px - left + x, 1), round(py - top + y, 1))
        x += w + margin
        row_height = max(row_height, h)
    return out


def cut(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

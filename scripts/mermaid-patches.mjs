// An esbuild plugin for the preview's bundle (esbuild.mjs, bench/preview.mjs): changes to Mermaid's
// code and to dagre's (dagre-d3-es, Mermaid's layout) that draw the same diagrams faster
// (bench/NOTES.md has the numbers).
//
// 1. getConfig calls client/webview/mermaid-config.ts's copyOfConfig, which merges the
//    configuration once per change instead of on every call (that file says why this is safe).
// 2. When Mermaid lays out a cluster on its own, it logged, for every edge of every node of the
//    cluster, the list of all edges copied so far. The log is off, but the list was still built:
//    cubic in the cluster's size. The line goes; graphlib's edges() and edge() change nothing.
// 3. dagre's crossing minimisation built each rank's layer graph by walking all the graph's nodes:
//    now the nodes of each rank are listed once (client/webview/dagre-layers.ts says why the layer
//    graphs stay the same) and each layer graph walks its own list.
// 4. dagre's crossing search sweeps the ranks up and down, keeping the order with the fewest
//    crossings, until four sweeps in a row find none fewer. Once it has kept an order without
//    crossings, no later sweep can replace it, so the search stops there; the layer graphs for
//    the downward sweeps are built when the first of those sweeps runs. Only `order` fields of
//    the nodes change during a sweep, and the kept order overwrites them all at the end, so dagre
//    places everything where it did (test/webview/dagre-order.test.ts lays out graphs with and
//    without crossings both ways). Architecture views often have no crossings: the benchmark's
//    view of 100 nodes then sweeps once instead of five times.
// 5. Mermaid's sanitizeText hands back at once a label that its two DOMPurify passes would give
//    back unchanged (client/webview/label-text.ts says which labels, and why).
// 6. Mermaid's insertEdge measured the length of every edge's path (getTotalLength, which lays out
//    the whole drawing again, since each edge was just added to it) and used the length only for
//    the "neo" look's dashes. The preview draws the classic look, so the length is now measured
//    only where it is used. Measuring changes nothing in the drawing.
// 7. The same cluster copy walked every edge of the graph for every node it moved: now only for the
//    first (client/webview/cluster-copy.ts says why the later walks copied nothing).
// 8. After each step of dagre's network simplex (ranks), only the cut values that the step can
//    change are computed again (client/webview/dagre-cut-values.ts says which, and why the others
//    stay), not all of them.
// 9. dagre's crossing count between two ranks is client/webview/dagre-cross-count.ts: the same
//    steps without lodash's collection functions.
// 10. In the crossing search, two of lodash's functions called for every node of every sweep are
//    written out: resolve-conflicts.js's _.pick of four fields (it goes through lodash's path
//    parsing per field) as an object with those fields when the entry has them, and
//    barycenter.js's _.reduce as a loop adding the same sums in the same order.
// 11. graphlib's Graph (dagre's and Mermaid's) lists nodes, children, predecessors, successors and
//    edges with Object.keys and Object.values instead of lodash's _.keys and _.values. On the
//    plain objects that Graph keeps, lodash gives the same arrays in the same order (its keys is
//    Object.keys for anything that is not array-like or a prototype, and its array-like path
//    lists the same own keys); it checked for those cases on every call.
//
// Each change replaces exact text and keeps the number of lines, so source maps still line up.
// When a Mermaid release changes that text, the build fails and names this file: read the new code,
// check that the reasoning above still holds, and update the patch.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HELPER = fileURLToPath(new URL('../client/webview/mermaid-config.ts', import.meta.url));
const LAYERS = fileURLToPath(new URL('../client/webview/dagre-layers.ts', import.meta.url));
const CUT_VALUES = fileURLToPath(new URL('../client/webview/dagre-cut-values.ts', import.meta.url));
const CROSS_COUNT = fileURLToPath(new URL('../client/webview/dagre-cross-count.ts', import.meta.url));
const LABELS = fileURLToPath(new URL('../client/webview/label-text.ts', import.meta.url));
const CLUSTERS = fileURLToPath(new URL('../client/webview/cluster-copy.ts', import.meta.url));

/** The module of Mermaid's dagre renderer that extracts clusters. */
const EXTRACTOR = /\nvar extractor = /;
/** dagre's order/index.js. */
const ORDER = /\nfunction buildLayerGraphs\(g, ranks, relationship\) \{/;
/** graphlib's graph.js. */
const GRAPH = /\nexport class Graph \{/;

const PATCHES = [
    {
        name: 'getConfig',
        /** The module of Mermaid's bundle that holds its configuration. */
        module: /\nvar currentConfig = /,
        original: `var getConfig = /* @__PURE__ */ __name(() => {
  return assignWithDepth_default({}, currentConfig);
}, "getConfig");`,
        replacement: `var getConfig = /* @__PURE__ */ __name(() => {
  return __archwrightCopyOfConfig(currentConfig, assignWithDepth_default);
}, "getConfig");`,
        // Imports are hoisted: appended, the import leaves every line where it was.
        append: `import { copyOfConfig as __archwrightCopyOfConfig } from ${JSON.stringify(HELPER)};`
    },
    {
        name: 'the cluster copy\'s edge log',
        module: EXTRACTOR,
        original: `log.info("newGraph edges ", newGraph.edges(), newGraph.edge(newGraph.edges()[0]));`,
        replacement: ''
    },
    {
        name: 'sanitizeText',
        /** Mermaid's diagrams/common/common.ts. */
        module: /\nvar sanitizeText = \/\* @__PURE__ \*\/ __name\(\(text, config2\) => \{/,
        original: `var sanitizeText = /* @__PURE__ */ __name((text, config2) => {
  if (!text) {
    return text;
  }`,
        replacement: `var sanitizeText = /* @__PURE__ */ __name((text, config2) => {
  if (!text || __archwrightSanitizedAlready(text, config2)) {
    return text;
  }`,
        append: `import { sanitizedAlready as __archwrightSanitizedAlready } from ${JSON.stringify(LABELS)};`
    },
    {
        name: 'the edge length',
        /** Mermaid's rendering-util/rendering-elements/edges.js. */
        module: /\nvar insertEdge = \/\* @__PURE__ \*\/ __name\(function\(elem, edge, clusterDb/,
        original: `    const len = typeof pathNode.getTotalLength === "function" ? pathNode.getTotalLength() : 0;`,
        replacement: `    const len = edge.look === "neo" && !animatedEdge && typeof pathNode.getTotalLength === "function" ? pathNode.getTotalLength() : 0;`
    },
    {
        name: 'the cluster copy\'s edges',
        module: EXTRACTOR,
        original: `      const edges = graph.edges(node);`,
        replacement: `      const edges = __archwrightEdgesToCopy(graph, newGraph, rootId);`,
        append: `import { edgesToCopy as __archwrightEdgesToCopy } from ${JSON.stringify(CLUSTERS)};`
    },
    {
        name: 'dagre\'s layer graphs',
        module: ORDER,
        original: `function buildLayerGraphs(g, ranks, relationship) {
  return _.map(ranks, function (rank) {
    return buildLayerGraph(g, rank, relationship);
  });
}`,
        replacement: `function buildLayerGraphs(g, ranks, relationship) {
  var nodesByRank = __archwrightNodesByRank(g);
  return _.map(ranks, function (rank) {
    return buildLayerGraph(g, rank, relationship, nodesByRank.get(rank) || []); });
}`,
        append: `import { nodesByRank as __archwrightNodesByRank } from ${JSON.stringify(LAYERS)};`
    },
    {
        name: 'dagre\'s crossing search',
        /** Stops sweeping once an order without crossings is kept. */
        module: ORDER,
        original: `      best = _.cloneDeep(layering);
      bestCC = cc;`,
        replacement: `      best = _.cloneDeep(layering);
      bestCC = cc; if (cc === 0) break;`
    },
    {
        name: 'dagre\'s downward layer graphs',
        /** Not built with the upward ones, but when the first downward sweep runs (next patch). */
        module: ORDER,
        original: `    downLayerGraphs = buildLayerGraphs(g, _.range(1, maxRank + 1), 'inEdges'),`,
        replacement: `    downLayerGraphs,`
    },
    {
        name: 'dagre\'s downward sweep',
        module: ORDER,
        original: `    sweepLayerGraphs(i % 2 ? downLayerGraphs : upLayerGraphs, i % 4 >= 2);`,
        replacement: `    sweepLayerGraphs(i % 2 ? (downLayerGraphs ??= buildLayerGraphs(g, _.range(1, maxRank + 1), 'inEdges')) : upLayerGraphs, i % 4 >= 2);`
    },
    {
        name: 'dagre\'s layer graph',
        /** dagre's order/build-layer-graph.js: walks the nodes it is given, when it is given them. */
        module: /\nfunction buildLayerGraph\(g, rank, relationship\) \{/,
        original: `function buildLayerGraph(g, rank, relationship) {
  var root = createRootNode(g),
    result = new Graph({ compound: true })
      .setGraph({ root: root })
      .setDefaultNodeLabel(function (v) {
        return g.node(v);
      });

  _.forEach(g.nodes(), function (v) {`,
        replacement: `function buildLayerGraph(g, rank, relationship, nodesOfRank) {
  var root = createRootNode(g),
    result = new Graph({ compound: true })
      .setGraph({ root: root })
      .setDefaultNodeLabel(function (v) {
        return g.node(v);
      });

  _.forEach(nodesOfRank || g.nodes(), function (v) {`
    },
    {
        name: 'dagre\'s cut values',
        /** dagre's rank/network-simplex.js: after an exchange, the cut values on the cycle it closed. */
        module: /\nfunction exchangeEdges\(t, g, e, f\) \{/,
        original: `  initLowLimValues(t);
  initCutValues(t, g);
  updateRanks(t, g);`,
        replacement: `  initLowLimValues(t);
  __archwrightCutValuesOnPath(function (x) { return t.node(x); }, v, w, function (child) { assignCutValue(t, g, child); });
  updateRanks(t, g);`,
        append: `import { cutValuesOnPath as __archwrightCutValuesOnPath } from ${JSON.stringify(CUT_VALUES)};`
    },
    {
        name: 'dagre\'s crossing count',
        /** dagre's order/cross-count.js: the helper's count; the old body stays, unreachable, so that lines keep their numbers. */
        module: /\nfunction twoLayerCrossCount\(g, northLayer, southLayer\) \{/,
        original: `function twoLayerCrossCount(g, northLayer, southLayer) {`,
        replacement: `function twoLayerCrossCount(g, northLayer, southLayer) { return __archwrightTwoLayerCrossCount(g, northLayer, southLayer);`,
        append: `import { twoLayerCrossCount as __archwrightTwoLayerCrossCount } from ${JSON.stringify(CROSS_COUNT)};`
    },
    {
        name: 'dagre\'s conflict resolution',
        /** dagre's order/resolve-conflicts.js. */
        module: /\nfunction doResolveConflicts\(sourceSet\) \{/,
        original: `      return _.pick(entry, ['vs', 'i', 'barycenter', 'weight']);`,
        replacement: `      var picked = { vs: entry.vs, i: entry.i }; if ('barycenter' in entry) picked.barycenter = entry.barycenter; if ('weight' in entry) picked.weight = entry.weight; return picked;`
    },
    {
        name: 'dagre\'s barycenters',
        /** dagre's order/barycenter.js. */
        module: /\nfunction barycenter\(g, movable\) \{/,
        original: `      var result = _.reduce(
        inV,
        function (acc, e) {
          var edge = g.edge(e),
            nodeU = g.node(e.v);
          return {
            sum: acc.sum + edge.weight * nodeU.order,
            weight: acc.weight + edge.weight,
          };
        },
        { sum: 0, weight: 0 },
      );`,
        replacement: `      var sum = 0,
        weight = 0;
      for (var k = 0; k < inV.length; k++) {
        var edge = g.edge(inV[k]),
          nodeU = g.node(inV[k].v);
        sum = sum + edge.weight * nodeU.order;
        weight = weight + edge.weight;
      }
      var result = { sum: sum, weight: weight };


`
    },
    ...[
        ['nodes', '    return _.keys(this._nodes);'],
        ['children', '        return _.keys(children);'],
        ['predecessors', '      return _.keys(predsV);'],
        ['successors', '      return _.keys(sucsV);'],
        ['edges', '    return _.values(this._edgeObjs);'],
        ['inEdges', '      var edges = _.values(inV);'],
        ['outEdges', '      var edges = _.values(outV);']
    ].map(([method, original]) => ({
        name: `graphlib's ${method}`,
        module: GRAPH,
        original,
        replacement: original.replace('_.keys(', 'Object.keys(').replace('_.values(', 'Object.values(')
    }))
];

/** Every change's name and texts (for the tests). */
export function mermaidPatchTexts() {
    return PATCHES.map(({ name, original, replacement }) => ({ name, original, replacement }));
}

/** The file of Mermaid's bundle that holds its configuration (for the tests and bench/mermaid-config-copy.mjs). */
export function mermaidConfigModule(root = fileURLToPath(new URL('..', import.meta.url))) {
    return mermaidModule(PATCHES[0].module, 'currentConfig', root);
}

/** The file of Mermaid's bundle that extracts clusters (for the tests). */
export function mermaidClusterModule(root = fileURLToPath(new URL('..', import.meta.url))) {
    return mermaidModule(EXTRACTOR, 'extractor', root);
}

function mermaidModule(declaring, name, root) {
    const chunks = join(root, 'node_modules/mermaid/dist/chunks/mermaid.core');
    const file = readdirSync(chunks).find(f => f.endsWith('.mjs') && declaring.test(readFileSync(join(chunks, f), 'utf8')));
    if (!file) throw new Error(`no module of ${chunks} declares ${name}`);
    return join(chunks, file);
}

/** @returns {import('esbuild').Plugin} */
export function mermaidPatches() {
    return {
        name: 'archwright-mermaid',
        setup(build) {
            build.onLoad({ filter: /[\\/]node_modules[\\/](mermaid[\\/]dist[\\/].*\.mjs|dagre-d3-es[\\/]src[\\/](dagre[\\/](order[\\/](index|build-layer-graph|cross-count|resolve-conflicts|barycenter)|rank[\\/]network-simplex)|graphlib[\\/]graph)\.js)$/ }, async args => {
                let text = await readFile(args.path, 'utf8');
                const patches = PATCHES.filter(p => p.module.test(text));
                if (patches.length === 0) return undefined;
                const errors = [];
                for (const patch of patches) {
                    if (!text.includes(patch.original)) {
                        errors.push({ text: `Mermaid's code for ${patch.name} is not the one scripts/mermaid-patches.mjs replaces (in ${args.path}): see that file` });
                        continue;
                    }
                    text = text.replace(patch.original, patch.replacement);
                    if (patch.append) text += `\n${patch.append}\n`;
                }
                return errors.length > 0 ? { errors } : { contents: text, loader: 'js' };
            });
        }
    };
}

/**
 * `chatref eval tags`: trains the tag classifier on tagged texts (each tag's examples, its id as
 * its name) and measures it on others.
 */
import { TagClassifier, type TagDefinition } from '../classify/classifier';
import { DEFAULT_HANDOFF_SETTINGS } from '../conversation/handoff';
import { macroF1, quantile, readJsonl } from './stats';

interface TaggedRow {
  text: string;
  tag: string;
}

export async function evalTags(opts: { train: string; test: string }): Promise<Record<string, number>> {
  const train = readJsonl<TaggedRow>(opts.train);
  const test = readJsonl<TaggedRow>(opts.test);
  const byTag = new Map<string, string[]>();
  for (const r of train) {
    if (!byTag.has(r.tag)) byTag.set(r.tag, []);
    byTag.get(r.tag)!.push(r.text);
  }
  const tags: TagDefinition[] = [...byTag].map(([id, examples]) => ({ id, name: id, description: '', examples }));
  const t0 = performance.now();
  const classifier = new TagClassifier(tags);
  const trainMs = performance.now() - t0;
  const predicted: string[] = [];
  const ms: number[] = [];
  let correct = 0;
  let covered = 0;
  let coveredCorrect = 0;
  for (const r of test) {
    const s = performance.now();
    const top = classifier.predict(r.text)[0];
    ms.push(performance.now() - s);
    predicted.push(top?.tagId ?? '');
    if (top?.tagId === r.tag) correct++;
    if (top && top.confidence >= classifier.threshold) {
      covered++;
      if (top.tagId === r.tag) coveredCorrect++;
    }
  }
  const n = test.length;
  return {
    n,
    accuracy: n ? correct / n : 0,
    macro_f1: macroF1(
      predicted,
      test.map((r) => r.tag),
    ),
    ms_p50: quantile(ms, 0.5),
    ms_p95: quantile(ms, 0.95),
    train_ms: Math.round(trainMs),
    // Of the texts the classifier tags at its own threshold: how many, and how often right.
    coverage: n ? covered / n : 0,
    precision_at_threshold: covered ? coveredCorrect / covered : 0,
    ...openSet(tags, test),
  };
}

/**
 * Open set: of texts whose tag the classifier was not given, the share still given a tag at the
 * handoff topic threshold (lower is better); of the others, the share given one and how often
 * right. Two shapes: every fourth tag (by id) held out of the full set, and six small workspaces
 * of six tags each (every other tag unknown), as a small shop's tags are.
 */
function openSet(tags: TagDefinition[], test: TaggedRow[]): Record<string, number> {
  const ids = tags.map((t) => t.id).sort();
  if (ids.length < 8) return {};
  const large = openSetRun(tags, test, new Set(ids.filter((_, i) => i % 4 !== 3)));
  const small = Array.from({ length: 6 }, (_, k) =>
    openSetRun(tags, test, new Set(ids.filter((_, i) => i % 13 === k).slice(0, 6))),
  );
  const mean = (key: keyof OpenSetRun) => small.reduce((n, r) => n + r[key], 0) / small.length;
  return {
    open_unknown_accepted: large.unknownAccepted,
    open_known_accepted: large.knownAccepted,
    open_known_precision: large.knownPrecision,
    open6_unknown_accepted: mean('unknownAccepted'),
    open6_known_accepted: mean('knownAccepted'),
    open6_known_precision: mean('knownPrecision'),
  };
}

interface OpenSetRun {
  unknownAccepted: number;
  knownAccepted: number;
  knownPrecision: number;
}

function openSetRun(tags: TagDefinition[], test: TaggedRow[], known: Set<string>): OpenSetRun {
  const classifier = new TagClassifier(tags.filter((t) => known.has(t.id)));
  const at = DEFAULT_HANDOFF_SETTINGS.topicThreshold;
  const n = { unknown: 0, unknownAccepted: 0, known: 0, knownAccepted: 0, knownRight: 0 };
  for (const r of test) {
    const top = classifier.predict(r.text)[0];
    const accepted = top !== undefined && top.confidence >= at;
    if (!known.has(r.tag)) {
      n.unknown++;
      if (accepted) n.unknownAccepted++;
    } else {
      n.known++;
      if (accepted) n.knownAccepted++;
      if (accepted && top.tagId === r.tag) n.knownRight++;
    }
  }
  return {
    unknownAccepted: n.unknown ? n.unknownAccepted / n.unknown : 0,
    knownAccepted: n.known ? n.knownAccepted / n.known : 0,
    knownPrecision: n.knownAccepted ? n.knownRight / n.knownAccepted : 0,
  };
}

/**
 * `chatref eval tags`: trains the tag classifier on tagged texts (each tag's examples, its id as
 * its name) and measures it on others.
 */
import { TagClassifier, type TagDefinition } from '../classify/classifier';
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
  };
}

/** Small statistics shared by the classification evals. */
import { readFileSync } from 'node:fs';

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative (ties count half). Undefined when either class is missing.
 */
export function auroc(scores: number[], labels: boolean[]): number | undefined {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[idx[k]]) rankSum += avgRank;
    i = j + 1;
  }
  for (const l of labels) {
    if (l) pos++;
    else neg++;
  }
  if (pos === 0 || neg === 0) return undefined;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface BinaryCounts {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of binary predictions against labels (0 where undefined). */
export function binaryCounts(predicted: boolean[], labels: boolean[]): BinaryCounts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  predicted.forEach((p, i) => {
    if (p && labels[i]) tp++;
    else if (p) fp++;
    else if (labels[i]) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Macro-averaged F1 over the classes that occur in the gold labels or the predictions. */
export function macroF1(predicted: string[], gold: string[]): number {
  const classes = new Set([...gold, ...predicted]);
  let sum = 0;
  for (const c of classes)
    sum += binaryCounts(
      predicted.map((p) => p === c),
      gold.map((g) => g === c),
    ).f1;
  return classes.size ? sum / classes.size : 0;
}

/** The q-quantile (0..1) of numbers, by nearest rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Reads a JSONL file into objects (blank lines skipped; a bad line names its number). */
export function readJsonl<T>(file: string): T[] {
  const out: T[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        out.push(JSON.parse(line) as T);
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
  return out;
}

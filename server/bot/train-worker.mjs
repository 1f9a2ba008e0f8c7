// The worker thread behind server/bot/trainer.ts: trains softmax jobs one at a time, off the
// server's main thread. Plain JavaScript that loads the TypeScript engine through tsx, so it runs
// the same under `npm start`, the tests and the bench.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { trainSoftmax } = await import('../../engine/retrieve/softmax-lbfgs.ts');

parentPort.on('message', ({ id, job }) => {
  try {
    const model = trainSoftmax(job.xs, job.labels, job.classes, job.features, job.opts);
    const span = model.span;
    const moved = [model.w.buffer, model.b.buffer, ...(span ? [span.basis.buffer, span.a.buffer] : [])];
    parentPort.postMessage({ id, w: model.w, b: model.b, span }, moved);
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});

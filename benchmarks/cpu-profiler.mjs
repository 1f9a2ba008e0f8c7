// Preloaded into the server by the bench (`NODE_OPTIONS=--import …`, as `--cpu-prof` is not
// allowed there): profiles the whole process and writes a .cpuprofile on exit, into
// CHATREF_BENCH_PROFILE. Read the result with benchmarks/profile.ts.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const dir = process.env.CHATREF_BENCH_PROFILE;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.once('exit', () => {
    // Same-thread inspector sessions answer synchronously, so this runs to the end before exit.
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
